import { describe, expect, it } from "vitest";
import { loadDemoStore } from "../store/load-store";
import { parseSearchQuery } from "./search-query";
import { customersMatching, ordersMatching, productsMatching } from "./store-queries";

const store = loadDemoStore();
const titles = (query: string) => productsMatching(store.products, { query }).map((p) => p.title);
const names = (query: string) => ordersMatching(store.orders, { query }).map((o) => o.name);

describe("Shopify search syntax (subset)", () => {
  it("parses fields, comparators, quotes, negation and OR", () => {
    expect(parseSearchQuery('tag:hiking -vendor:Stride price:>=50 title:"rain shell" OR socks')).toEqual([
      [
        { field: "tag", comparator: ":", value: "hiking", negated: false },
        { field: "vendor", comparator: ":", value: "Stride", negated: true },
        { field: "price", comparator: ":>=", value: "50", negated: false },
        { field: "title", comparator: ":", value: "rain shell", negated: false },
      ],
      [{ field: null, comparator: ":", value: "socks", negated: false }],
    ]);
  });

  it("finds products by free text, tag, price and availability", () => {
    expect(titles("merino socks")).toEqual(["Merino Hiking Socks"]);
    expect(titles("tag:hiking price:<20")).toEqual(["Merino Hiking Socks"]);
    expect(titles("product_type:Jacket available_for_sale:true status:active")).not.toContain("Insulated Parka");
    expect(titles("available_for_sale:false")).toContain("Recycled Performance Tee");
    expect(titles("title:merino*")).toEqual(["Merino Trail Tee", "Merino Hiking Socks", "Merino Neck Gaiter"]);
  });

  it("finds orders by name (with or without #), email and customer id", () => {
    expect(names("name:#1002")).toEqual(["#1002"]);
    expect(names("name:1002")).toEqual(["#1002"]);
    expect(names("email:guest.shopper@example.org")).toEqual(["#1029", "#1030"]);
    expect(names("customer_id:7002")).toEqual(["#1005", "#1006", "#1007"]);
    expect(names("status:cancelled")).toEqual(["#1006", "#1018"]);
  });

  it("finds customers by email", () => {
    expect(customersMatching(store.customers, { query: "email:bruno@example.com" }).map((c) => c.firstName)).toEqual(["Bruno"]);
  });
});

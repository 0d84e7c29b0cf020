// Customers and store policies of the demo shop. Plain data.
import type { DemoAddress } from "./store-types";

export interface CustomerSeed {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  locale: string;
  address: Omit<DemoAddress, "firstName" | "lastName" | "phone">;
}

const de = (address1: string, city: string, zip: string) => ({
  address1,
  city,
  zip,
  province: null,
  country: "Germany",
  countryCode: "DE",
});

export const CUSTOMERS: CustomerSeed[] = [
  {
    firstName: "Alice",
    lastName: "Andersen",
    email: "alice@example.com",
    phone: "+4915111111001",
    locale: "en",
    address: de("Hauptstraße 1", "Berlin", "10115"),
  },
  {
    firstName: "Bruno",
    lastName: "Becker",
    email: "bruno@example.com",
    phone: "+4915111111002",
    locale: "de",
    address: de("Lindenweg 22", "München", "80331"),
  },
  {
    firstName: "Chloé",
    lastName: "Charpentier",
    email: "chloe@example.fr",
    phone: "+33611111003",
    locale: "fr",
    address: { address1: "12 rue de la Paix", city: "Paris", zip: "75002", province: null, country: "France", countryCode: "FR" },
  },
  {
    firstName: "Diego",
    lastName: "Duarte",
    email: "diego@example.es",
    phone: "+34611111004",
    locale: "es",
    address: { address1: "Calle Mayor 5", city: "Madrid", zip: "28013", province: "Madrid", country: "Spain", countryCode: "ES" },
  },
  {
    firstName: "Emma",
    lastName: "Evans",
    email: "emma@example.co.uk",
    phone: "+447700900005",
    locale: "en",
    address: { address1: "5 High Street", city: "London", zip: "SW1A 1AA", province: null, country: "United Kingdom", countryCode: "GB" },
  },
  {
    firstName: "Farid",
    lastName: "Fahmy",
    email: "farid@example.com",
    phone: "+4915111111006",
    locale: "en",
    address: de("Bahnhofstraße 9", "Hamburg", "20095"),
  },
  {
    firstName: "Greta",
    lastName: "Gruber",
    email: "greta@example.at",
    phone: "+43664111007",
    locale: "de",
    address: { address1: "Ringstraße 3", city: "Wien", zip: "1010", province: null, country: "Austria", countryCode: "AT" },
  },
  {
    firstName: "Hiro",
    lastName: "Hayashi",
    email: "hiro@example.com",
    phone: "+4915111111008",
    locale: "en",
    address: de("Schillerplatz 4", "Stuttgart", "70173"),
  },
  {
    firstName: "Ines",
    lastName: "Ibarra",
    email: "ines@example.nl",
    phone: "+31611111009",
    locale: "nl",
    address: { address1: "Damrak 10", city: "Amsterdam", zip: "1012 LG", province: null, country: "Netherlands", countryCode: "NL" },
  },
  {
    firstName: "Jonas",
    lastName: "Jensen",
    email: "jonas@example.dk",
    phone: "+4520111010",
    locale: "en",
    address: { address1: "Strøget 8", city: "København", zip: "1160", province: null, country: "Denmark", countryCode: "DK" },
  },
];

export const POLICIES = [
  {
    type: "REFUND_POLICY" as const,
    title: "Refund policy",
    handle: "refund-policy",
    body:
      "<p>You can return unworn items within <strong>30 days</strong> of delivery for a full refund.</p>" +
      "<p>Start a return by replying to your order confirmation email. Return shipping within the EU is free; " +
      "refunds go back to the original payment method within 5–10 business days after we receive the item.</p>" +
      "<p>Sale items marked as final sale and gift card sleeves cannot be returned.</p>",
  },
  {
    type: "SHIPPING_POLICY" as const,
    title: "Shipping policy",
    handle: "shipping-policy",
    body:
      "<p>Orders ship from Berlin within 1–2 business days.</p>" +
      "<ul><li>Germany: 2–4 business days with DHL, €4.95, free over €75.</li>" +
      "<li>EU: 3–7 business days with DHL or DPD, €9.95, free over €150.</li>" +
      "<li>United Kingdom: 5–8 business days with UPS, €14.95; customs duties may apply.</li></ul>" +
      "<p>You get a tracking link by email as soon as your parcel leaves our warehouse.</p>",
  },
  {
    type: "PRIVACY_POLICY" as const,
    title: "Privacy policy",
    handle: "privacy-policy",
    body:
      "<p>Demo Outfitters processes your personal data only to fulfil your orders and answer your questions.</p>" +
      "<p>We keep order records for as long as tax law requires and delete chat transcripts after 90 days. " +
      "You can ask for a copy of your data or its deletion at privacy@demo-outfitters.example.</p>" +
      "<p>Payments are handled by our payment provider; we never see or store your full card number.</p>",
  },
  {
    type: "TERMS_OF_SERVICE" as const,
    title: "Terms of service",
    handle: "terms-of-service",
    body:
      "<p>These terms apply to all purchases from Demo Outfitters. Prices include VAT. " +
      "A contract is formed when we send the shipping confirmation.</p>" +
      "<p>German law applies, excluding the UN Convention on Contracts for the International Sale of Goods.</p>",
  },
];

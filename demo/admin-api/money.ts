// Money in the three shapes the Admin API uses: Money (a decimal string), MoneyV2, MoneyBag.
export const moneyV2 = (amount: string | number, currencyCode: string) => ({
  amount: typeof amount === "number" ? amount.toFixed(2) : amount,
  currencyCode,
});

export const moneyBag = (amount: string | number, currencyCode: string) => {
  const money = moneyV2(amount, currencyCode);
  return { shopMoney: money, presentmentMoney: money };
};

export const truncate = (text: string, truncateAt?: number | null) =>
  typeof truncateAt === "number" && text.length > truncateAt ? `${text.slice(0, Math.max(truncateAt - 3, 0))}...` : text;

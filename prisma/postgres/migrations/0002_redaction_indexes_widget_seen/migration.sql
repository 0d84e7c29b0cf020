-- AlterTable
ALTER TABLE "Shop" ADD COLUMN     "widgetSeenAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Lead_shop_conversationId_idx" ON "Lead"("shop", "conversationId");

-- CreateIndex
CREATE INDEX "OrderVerification_shop_orderHash_idx" ON "OrderVerification"("shop", "orderHash");

-- CreateIndex
CREATE INDEX "ShopEvent_shop_conversationId_idx" ON "ShopEvent"("shop", "conversationId");


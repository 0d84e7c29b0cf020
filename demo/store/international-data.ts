// The demo shop is international: its primary locale is English, it publishes German,
// French and Spanish translations of its products, collections and policies, and it sells
// in four markets with their own currencies. Plain data; generate-store.ts attaches it.

export type TranslatedLocale = "de" | "fr" | "es";

/** Product titles by English title. */
export const PRODUCT_TITLES: Record<string, Record<TranslatedLocale, string>> = {
  "Classic Cotton Tee": { de: "Klassisches Baumwoll-T-Shirt", fr: "T-shirt classique en coton", es: "Camiseta clásica de algodón" },
  "Merino Trail Tee": { de: "Merino-Trail-T-Shirt", fr: "T-shirt de randonnée en mérinos", es: "Camiseta de montaña de merino" },
  "Striped Breton Shirt": { de: "Gestreiftes Bretonisches Shirt", fr: "Marinière rayée", es: "Camiseta bretona de rayas" },
  "Recycled Performance Tee": {
    de: "Funktions-T-Shirt aus Recyclingmaterial",
    fr: "T-shirt technique recyclé",
    es: "Camiseta técnica reciclada",
  },
  "Heavyweight Pocket Tee": { de: "Schweres T-Shirt mit Brusttasche", fr: "T-shirt épais à poche", es: "Camiseta gruesa con bolsillo" },
  "Everyday Zip Hoodie": {
    de: "Alltags-Kapuzenjacke mit Reißverschluss",
    fr: "Sweat zippé à capuche du quotidien",
    es: "Sudadera con capucha y cremallera",
  },
  "Organic Pullover Hoodie": { de: "Bio-Kapuzenpullover", fr: "Sweat à capuche bio", es: "Sudadera con capucha orgánica" },
  "Tech Fleece Hoodie": { de: "Tech-Fleece-Hoodie", fr: "Sweat à capuche en polaire technique", es: "Sudadera técnica de forro polar" },
  "Wool Blend Cardigan": { de: "Strickjacke aus Wollmischung", fr: "Cardigan en laine mélangée", es: "Cárdigan de mezcla de lana" },
  "Vintage Wash Crewneck": { de: "Sweatshirt im Vintage-Look", fr: "Sweat col rond délavé", es: "Sudadera de cuello redondo lavada" },
  "Waterproof Rain Shell": { de: "Wasserdichte Regenjacke", fr: "Veste de pluie imperméable", es: "Chaqueta impermeable para la lluvia" },
  "Down Puffer Jacket": { de: "Daunenjacke", fr: "Doudoune en duvet", es: "Plumífero de plumón" },
  "Softshell Hiking Jacket": { de: "Softshell-Wanderjacke", fr: "Veste de randonnée softshell", es: "Chaqueta de senderismo softshell" },
  "Denim Trucker Jacket": { de: "Jeans-Truckerjacke", fr: "Veste en jean", es: "Cazadora vaquera" },
  "Insulated Parka": { de: "Gefütterter Parka", fr: "Parka isolante", es: "Parka acolchada" },
  "Merino Hiking Socks": { de: "Merino-Wandersocken", fr: "Chaussettes de randonnée en mérinos", es: "Calcetines de senderismo de merino" },
  "Everyday Cotton Socks 3-Pack": {
    de: "Baumwollsocken für jeden Tag, 3er-Pack",
    fr: "Lot de 3 paires de chaussettes en coton",
    es: "Pack de 3 calcetines de algodón",
  },
  "Compression Running Socks": {
    de: "Kompressions-Laufsocken",
    fr: "Chaussettes de course à compression",
    es: "Calcetines de compresión para correr",
  },
  "Wool Ski Socks": { de: "Woll-Skisocken", fr: "Chaussettes de ski en laine", es: "Calcetines de esquí de lana" },
  "Bamboo Ankle Socks": { de: "Bambus-Sneakersocken", fr: "Socquettes en bambou", es: "Calcetines tobilleros de bambú" },
  "Ribbed Wool Beanie": { de: "Gerippte Wollmütze", fr: "Bonnet côtelé en laine", es: "Gorro de lana acanalado" },
  "Canvas Baseball Cap": { de: "Baseballkappe aus Canvas", fr: "Casquette de baseball en toile", es: "Gorra de béisbol de lona" },
  "Wide Brim Sun Hat": { de: "Sonnenhut mit breiter Krempe", fr: "Chapeau de soleil à large bord", es: "Sombrero de sol de ala ancha" },
  "Fleece Trapper Hat": { de: "Fleece-Fliegermütze", fr: "Chapka en polaire", es: "Gorro de aviador de forro polar" },
  "Running Visor": { de: "Lauf-Visor", fr: "Visière de course", es: "Visera para correr" },
  "Commuter Backpack 20L": { de: "Pendlerrucksack 20 l", fr: "Sac à dos urbain 20 L", es: "Mochila urbana 20 L" },
  "Trail Daypack 28L": { de: "Wander-Tagesrucksack 28 l", fr: "Sac à dos de randonnée 28 L", es: "Mochila de senderismo 28 L" },
  "Rolltop Bike Bag": {
    de: "Rolltop-Fahrradtasche",
    fr: "Sacoche de vélo à fermeture enroulable",
    es: "Bolsa de bicicleta con cierre enrollable",
  },
  "Weekender Duffel": { de: "Weekender-Reisetasche", fr: "Sac de voyage week-end", es: "Bolsa de viaje de fin de semana" },
  "Packable Tote": { de: "Faltbare Tragetasche", fr: "Cabas pliable", es: "Bolsa plegable" },
  "Trail Running Shoes": { de: "Trailrunning-Schuhe", fr: "Chaussures de trail", es: "Zapatillas de trail running" },
  "Leather Hiking Boots": { de: "Leder-Wanderschuhe", fr: "Chaussures de randonnée en cuir", es: "Botas de senderismo de cuero" },
  "Canvas Sneakers": { de: "Canvas-Sneaker", fr: "Baskets en toile", es: "Zapatillas de lona" },
  "Recovery Slides": { de: "Regenerations-Badelatschen", fr: "Claquettes de récupération", es: "Chanclas de recuperación" },
  "Wool Runners": { de: "Woll-Sneaker", fr: "Baskets en laine", es: "Zapatillas de lana" },
  "Insulated Water Bottle 750 ml": {
    de: "Isolierte Trinkflasche 750 ml",
    fr: "Gourde isotherme 750 ml",
    es: "Botella de agua térmica 750 ml",
  },
  "Leather Belt": { de: "Ledergürtel", fr: "Ceinture en cuir", es: "Cinturón de cuero" },
  "Merino Neck Gaiter": { de: "Merino-Schlauchschal", fr: "Tour de cou en mérinos", es: "Braga de cuello de merino" },
  "Headlamp 300 Lumen": { de: "Stirnlampe 300 Lumen", fr: "Lampe frontale 300 lumens", es: "Linterna frontal 300 lúmenes" },
  "Gift Card Sleeve": { de: "Geschenkkarten-Hülle", fr: "Pochette pour carte cadeau", es: "Funda para tarjeta regalo" },
};

/** Descriptions of the products most asked about (the others fall back to English, as on a real shop). */
export const PRODUCT_DESCRIPTIONS: Record<string, Record<TranslatedLocale, string>> = {
  "Merino Trail Tee": {
    de: "Leichtes T-Shirt aus Merinowolle, das auf langen Wanderungen Gerüche fernhält.",
    fr: "T-shirt léger en laine mérinos qui évite les odeurs lors des longues randonnées.",
    es: "Camiseta ligera de lana merino que evita los olores en las caminatas largas.",
  },
  "Waterproof Rain Shell": {
    de: "Vollständig getapte, wasserdichte 3-Lagen-Jacke, die in ihre eigene Tasche passt.",
    fr: "Veste imperméable 3 couches entièrement thermosoudée, se range dans sa propre poche.",
    es: "Chaqueta impermeable de 3 capas con costuras selladas; se guarda en su propio bolsillo.",
  },
  "Leather Hiking Boots": {
    de: "Wasserdichte Wanderschuhe aus Vollnarbenleder, neu besohlbar.",
    fr: "Chaussures de randonnée imperméables en cuir pleine fleur, ressemelables.",
    es: "Botas de senderismo impermeables de piel plena flor, se pueden volver a suelar.",
  },
  "Ribbed Wool Beanie": {
    de: "Warme, gerippte Mütze aus recycelter Wolle.",
    fr: "Bonnet côtelé chaud tricoté en laine recyclée.",
    es: "Gorro acanalado y cálido tejido con lana reciclada.",
  },
  "Insulated Water Bottle 750 ml": {
    de: "Doppelwandige Stahlflasche, hält Getränke 24 Stunden kalt.",
    fr: "Gourde en acier à double paroi, garde les boissons froides 24 heures.",
    es: "Botella de acero de doble pared que mantiene las bebidas frías 24 horas.",
  },
};

export const COLLECTION_TRANSLATIONS: Record<string, Record<TranslatedLocale, { title: string; description: string }>> = {
  tops: {
    de: { title: "Oberteile", description: "T-Shirts, Hoodies und Strick." },
    fr: { title: "Hauts", description: "T-shirts, sweats et mailles." },
    es: { title: "Partes de arriba", description: "Camisetas, sudaderas y punto." },
  },
  outerwear: {
    de: { title: "Jacken", description: "Jacken für Wind, Regen und Schnee." },
    fr: { title: "Vestes et manteaux", description: "Vestes pour le vent, la pluie et la neige." },
    es: { title: "Chaquetas y abrigos", description: "Chaquetas para viento, lluvia y nieve." },
  },
  accessories: {
    de: { title: "Accessoires", description: "Socken, Mützen und nützliche Extras." },
    fr: { title: "Accessoires", description: "Chaussettes, bonnets et petits plus." },
    es: { title: "Accesorios", description: "Calcetines, gorros y extras prácticos." },
  },
  bags: {
    de: { title: "Taschen", description: "Rucksäcke, Reisetaschen und Beutel." },
    fr: { title: "Sacs", description: "Sacs à dos, sacs de voyage et cabas." },
    es: { title: "Bolsas", description: "Mochilas, bolsas de viaje y bolsos." },
  },
  footwear: {
    de: { title: "Schuhe", description: "Schuhe und Stiefel für Trail und Stadt." },
    fr: { title: "Chaussures", description: "Chaussures et bottes pour le sentier et la ville." },
    es: { title: "Calzado", description: "Zapatillas y botas para la montaña y la ciudad." },
  },
  hiking: {
    de: { title: "Wander-Essentials", description: "Alles für einen Tag auf dem Trail." },
    fr: { title: "L'essentiel de la randonnée", description: "Tout pour une journée sur les sentiers." },
    es: { title: "Lo esencial para el senderismo", description: "Todo para un día en la montaña." },
  },
  winter: {
    de: { title: "Wärmendes für den Winter", description: "Bleiben Sie warm, wenn es kalt wird." },
    fr: { title: "Au chaud cet hiver", description: "Restez au chaud quand il fait froid." },
    es: { title: "Abrigo para el invierno", description: "Mantente caliente cuando hace frío." },
  },
  sale: {
    de: { title: "Im Angebot", description: "Reduzierte Preise, solange der Vorrat reicht." },
    fr: { title: "Promotions", description: "Prix réduits dans la limite des stocks disponibles." },
    es: { title: "Rebajas", description: "Precios rebajados hasta agotar existencias." },
  },
};

export const POLICY_TRANSLATIONS: Record<string, Record<TranslatedLocale, { title: string; body: string }>> = {
  REFUND_POLICY: {
    de: {
      title: "Rückgaberichtlinie",
      body:
        "<p>Ungetragene Artikel können Sie innerhalb von <strong>30 Tagen</strong> nach Lieferung zurückgeben und erhalten den vollen Betrag zurück.</p>" +
        "<p>Starten Sie eine Rücksendung, indem Sie auf Ihre Bestellbestätigung antworten. Der Rückversand innerhalb der EU ist kostenlos; " +
        "die Erstattung geht innerhalb von 5–10 Werktagen nach Eingang des Artikels auf die ursprüngliche Zahlungsart zurück.</p>" +
        "<p>Als Final Sale gekennzeichnete Sale-Artikel und Geschenkkarten-Hüllen sind von der Rückgabe ausgeschlossen.</p>",
    },
    fr: {
      title: "Politique de remboursement",
      body:
        "<p>Vous pouvez retourner les articles non portés dans un délai de <strong>30 jours</strong> après la livraison pour un remboursement complet.</p>" +
        "<p>Pour lancer un retour, répondez à l'e-mail de confirmation de votre commande. Le retour est gratuit dans l'UE ; " +
        "le remboursement est effectué sur le moyen de paiement d'origine sous 5 à 10 jours ouvrés après réception de l'article.</p>" +
        "<p>Les articles soldés marqués « vente finale » et les pochettes pour carte cadeau ne peuvent pas être retournés.</p>",
    },
    es: {
      title: "Política de reembolso",
      body:
        "<p>Puede devolver los artículos sin usar en un plazo de <strong>30 días</strong> desde la entrega y recibir el reembolso completo.</p>" +
        "<p>Para iniciar una devolución, responda al correo de confirmación de su pedido. El envío de la devolución dentro de la UE es gratuito; " +
        "el reembolso se hace al método de pago original en 5–10 días hábiles tras recibir el artículo.</p>" +
        "<p>Los artículos rebajados marcados como venta final y las fundas para tarjeta regalo no se pueden devolver.</p>",
    },
  },
  SHIPPING_POLICY: {
    de: {
      title: "Versandrichtlinie",
      body:
        "<p>Bestellungen verlassen unser Lager in Berlin innerhalb von 1–2 Werktagen.</p>" +
        "<ul><li>Deutschland: 2–4 Werktage mit DHL, 4,95 €, kostenlos ab 75 €.</li>" +
        "<li>EU: 3–7 Werktage mit DHL oder DPD, 9,95 €, kostenlos ab 150 €.</li>" +
        "<li>Vereinigtes Königreich: 5–8 Werktage mit UPS, 14,95 €; es können Zollgebühren anfallen.</li></ul>" +
        "<p>Sobald Ihr Paket unser Lager verlässt, erhalten Sie einen Link zur Sendungsverfolgung per E-Mail.</p>",
    },
    fr: {
      title: "Politique d'expédition",
      body:
        "<p>Les commandes sont expédiées depuis Berlin sous 1 à 2 jours ouvrés.</p>" +
        "<ul><li>Allemagne : 2 à 4 jours ouvrés avec DHL, 4,95 €, livraison gratuite dès 75 €.</li>" +
        "<li>UE : 3 à 7 jours ouvrés avec DHL ou DPD, 9,95 €, livraison gratuite dès 150 €.</li>" +
        "<li>Royaume-Uni : 5 à 8 jours ouvrés avec UPS, 14,95 € ; des droits de douane peuvent s'appliquer.</li></ul>" +
        "<p>Vous recevez un lien de suivi par e-mail dès que votre colis quitte notre entrepôt.</p>",
    },
    es: {
      title: "Política de envío",
      body:
        "<p>Los pedidos salen de Berlín en 1–2 días hábiles.</p>" +
        "<ul><li>Alemania: 2–4 días hábiles con DHL, 4,95 €, gratis a partir de 75 €.</li>" +
        "<li>UE: 3–7 días hábiles con DHL o DPD, 9,95 €, gratis a partir de 150 €.</li>" +
        "<li>Reino Unido: 5–8 días hábiles con UPS, 14,95 €; pueden aplicarse aranceles.</li></ul>" +
        "<p>Recibirá un enlace de seguimiento por correo en cuanto su paquete salga de nuestro almacén.</p>",
    },
  },
  PRIVACY_POLICY: {
    de: {
      title: "Datenschutzerklärung",
      body:
        "<p>Demo Outfitters verarbeitet Ihre personenbezogenen Daten nur, um Ihre Bestellungen auszuführen und Ihre Fragen zu beantworten.</p>" +
        "<p>Bestelldaten bewahren wir so lange auf, wie das Steuerrecht es verlangt; Chatverläufe löschen wir nach 90 Tagen. " +
        "Eine Kopie Ihrer Daten oder deren Löschung können Sie unter privacy@demo-outfitters.example anfordern.</p>" +
        "<p>Zahlungen wickelt unser Zahlungsdienstleister ab; Ihre vollständige Kartennummer sehen oder speichern wir nie.</p>",
    },
    fr: {
      title: "Politique de confidentialité",
      body:
        "<p>Demo Outfitters traite vos données personnelles uniquement pour exécuter vos commandes et répondre à vos questions.</p>" +
        "<p>Nous conservons les données de commande aussi longtemps que la loi fiscale l'exige et supprimons les conversations après 90 jours. " +
        "Vous pouvez demander une copie de vos données ou leur suppression à privacy@demo-outfitters.example.</p>" +
        "<p>Les paiements sont traités par notre prestataire de paiement ; nous ne voyons ni ne conservons jamais votre numéro de carte complet.</p>",
    },
    es: {
      title: "Política de privacidad",
      body:
        "<p>Demo Outfitters trata sus datos personales solo para gestionar sus pedidos y responder a sus preguntas.</p>" +
        "<p>Conservamos los datos de los pedidos el tiempo que exige la ley fiscal y borramos las conversaciones del chat a los 90 días. " +
        "Puede pedir una copia de sus datos o su eliminación en privacy@demo-outfitters.example.</p>" +
        "<p>Los pagos los gestiona nuestro proveedor de pagos; nunca vemos ni guardamos el número completo de su tarjeta.</p>",
    },
  },
  TERMS_OF_SERVICE: {
    de: {
      title: "Allgemeine Geschäftsbedingungen",
      body:
        "<p>Diese Bedingungen gelten für alle Käufe bei Demo Outfitters. Die Preise enthalten die Mehrwertsteuer. " +
        "Ein Vertrag kommt zustande, wenn wir die Versandbestätigung senden.</p>" +
        "<p>Es gilt deutsches Recht unter Ausschluss des UN-Kaufrechts.</p>",
    },
    fr: {
      title: "Conditions générales de vente",
      body:
        "<p>Ces conditions s'appliquent à tous les achats chez Demo Outfitters. Les prix incluent la TVA. " +
        "Le contrat est conclu lorsque nous envoyons la confirmation d'expédition.</p>" +
        "<p>Le droit allemand s'applique, à l'exclusion de la Convention des Nations unies sur les contrats de vente internationale de marchandises.</p>",
    },
    es: {
      title: "Términos del servicio",
      body:
        "<p>Estos términos se aplican a todas las compras en Demo Outfitters. Los precios incluyen el IVA. " +
        "El contrato se celebra cuando enviamos la confirmación de envío.</p>" +
        "<p>Se aplica la ley alemana, excluida la Convención de la ONU sobre la compraventa internacional de mercaderías.</p>",
    },
  },
};

/**
 * Markets with their own currency. A variant's contextual price is its EUR price × rate,
 * rounded to whole units minus 0.05 (…9.95) outside the EU market, as merchants set them.
 * A country in no market gets the primary market's (EU) prices.
 */
export const MARKETS = [
  {
    handle: "eu",
    name: "European Union",
    currencyCode: "EUR",
    rate: 1,
    countries: ["DE", "AT", "FR", "ES", "NL", "IT", "BE", "IE", "PT", "LU", "FI"],
    primary: true,
  },
  { handle: "uk", name: "United Kingdom", currencyCode: "GBP", rate: 0.86, countries: ["GB"], primary: false },
  { handle: "ch", name: "Switzerland", currencyCode: "CHF", rate: 0.95, countries: ["CH", "LI"], primary: false },
  { handle: "dk", name: "Denmark", currencyCode: "DKK", rate: 7.46, countries: ["DK"], primary: false },
];

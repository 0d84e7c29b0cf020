// The basic engine's sentences, per language. Every basic answer starts by saying
// plainly that AI answers are off.
import type { Language } from "./intents";

export interface BasicMessages {
  aiOff: string;
  productsFound: (terms: string) => string;
  noProducts: (terms: string) => string;
  askProduct: string;
  ordersFound: (count: number) => string;
  noSuchOrder: string;
  noOrders: string;
  verifyOrLogin: string;
  loginOnly: string;
  orderLookupOff: string;
  policyFound: (title: string) => string;
  noPolicy: string;
  handoff: string;
  unknown: string;
  unavailable: string;
  limitReached: string;
}

export const BASIC_MESSAGES: Record<Language, BasicMessages> = {
  en: {
    aiOff: "AI answers are off right now, so I'm answering with simple search.",
    productsFound: (t) => `Here is what I found for "${t}":`,
    noProducts: (t) => `I couldn't find products matching "${t}". Try other words, or ask for a person.`,
    askProduct: 'Tell me what product you are looking for, for example "cotton t-shirt".',
    ordersFound: (n) => (n === 1 ? "Here is your order:" : `Here are your ${n} most recent orders:`),
    noSuchOrder: "I can't find that order among the orders verified in this chat.",
    noOrders: "I can't find any orders for you yet.",
    verifyOrLogin: "To see an order, please log in to your account, or verify the order with its number and email in the chat.",
    loginOnly: "To see your orders, please log in to your account.",
    orderLookupOff: "I can't look up orders in this chat. Ask for a person and we'll help.",
    policyFound: (t) => `From our ${t}:`,
    noPolicy: "I couldn't find that in our policies. Ask for a person and we'll help.",
    handoff: "I'll pass you to a person. Please leave your details in the form and we'll get back to you.",
    unknown:
      "I can help with products, your orders (status and tracking), our policies (returns, shipping) or put you in touch with a person.",
    unavailable: "I can't reach the store's data right now. Please try again in a moment, or ask for a person.",
    limitReached: "That took more steps than I can take in one answer. Could you ask again more simply, or ask for a person?",
  },
  fr: {
    aiOff: "Les réponses par IA sont désactivées pour le moment ; je réponds avec une recherche simple.",
    productsFound: (t) => `Voici ce que j'ai trouvé pour « ${t} » :`,
    noProducts: (t) => `Je n'ai trouvé aucun produit pour « ${t} ». Essayez d'autres mots ou demandez à parler à une personne.`,
    askProduct: "Dites-moi quel produit vous cherchez, par exemple « t-shirt en coton ».",
    ordersFound: (n) => (n === 1 ? "Voici votre commande :" : `Voici vos ${n} dernières commandes :`),
    noSuchOrder: "Je ne trouve pas cette commande parmi les commandes vérifiées dans cette conversation.",
    noOrders: "Je ne trouve encore aucune commande pour vous.",
    verifyOrLogin:
      "Pour voir une commande, connectez-vous à votre compte ou vérifiez la commande avec son numéro et votre e-mail dans la conversation.",
    loginOnly: "Pour voir vos commandes, connectez-vous à votre compte.",
    orderLookupOff: "Je ne peux pas consulter les commandes ici. Demandez à parler à une personne.",
    policyFound: (t) => `Extrait de notre ${t} :`,
    noPolicy: "Je n'ai pas trouvé cela dans nos conditions. Demandez à parler à une personne.",
    handoff: "Je vous mets en relation avec une personne. Laissez vos coordonnées dans le formulaire et nous vous répondrons.",
    unknown:
      "Je peux vous aider pour nos produits, vos commandes (statut et suivi), nos conditions (retours, livraison) ou vous mettre en relation avec une personne.",
    unavailable: "Je n'arrive pas à accéder aux données de la boutique. Réessayez dans un instant ou demandez à parler à une personne.",
    limitReached:
      "Cela demande plus d'étapes que je ne peux en faire en une réponse. Pouvez-vous reformuler plus simplement, ou demander une personne ?",
  },
  de: {
    aiOff: "KI-Antworten sind gerade ausgeschaltet; ich antworte mit einer einfachen Suche.",
    productsFound: (t) => `Das habe ich zu „${t}“ gefunden:`,
    noProducts: (t) => `Ich habe keine Produkte zu „${t}“ gefunden. Versuchen Sie andere Wörter oder fragen Sie nach einem Menschen.`,
    askProduct: "Sagen Sie mir, welches Produkt Sie suchen, zum Beispiel „Baumwoll-T-Shirt“.",
    ordersFound: (n) => (n === 1 ? "Hier ist Ihre Bestellung:" : `Hier sind Ihre ${n} letzten Bestellungen:`),
    noSuchOrder: "Diese Bestellung gehört nicht zu den in diesem Chat bestätigten Bestellungen.",
    noOrders: "Ich finde noch keine Bestellungen für Sie.",
    verifyOrLogin:
      "Um eine Bestellung zu sehen, melden Sie sich bitte an oder bestätigen Sie die Bestellung mit Nummer und E-Mail im Chat.",
    loginOnly: "Um Ihre Bestellungen zu sehen, melden Sie sich bitte in Ihrem Konto an.",
    orderLookupOff: "Ich kann hier keine Bestellungen nachsehen. Fragen Sie nach einem Menschen.",
    policyFound: (t) => `Aus unseren Richtlinien (${t}):`,
    noPolicy: "Das habe ich in unseren Richtlinien nicht gefunden. Fragen Sie nach einem Menschen.",
    handoff: "Ich leite Sie an einen Menschen weiter. Bitte hinterlassen Sie Ihre Angaben im Formular, wir melden uns.",
    unknown:
      "Ich helfe bei Produkten, Ihren Bestellungen (Status und Sendungsverfolgung), unseren Richtlinien (Rückgabe, Versand) oder verbinde Sie mit einem Menschen.",
    unavailable: "Ich erreiche die Shop-Daten gerade nicht. Bitte versuchen Sie es gleich noch einmal oder fragen Sie nach einem Menschen.",
    limitReached: "Das braucht mehr Schritte, als ich in einer Antwort machen kann. Fragen Sie bitte einfacher oder nach einem Menschen.",
  },
  es: {
    aiOff: "Las respuestas con IA están desactivadas ahora mismo; respondo con una búsqueda sencilla.",
    productsFound: (t) => `Esto es lo que encontré para «${t}»:`,
    noProducts: (t) => `No encontré productos para «${t}». Pruebe con otras palabras o pida hablar con una persona.`,
    askProduct: "Dígame qué producto busca, por ejemplo «camiseta de algodón».",
    ordersFound: (n) => (n === 1 ? "Este es su pedido:" : `Estos son sus ${n} pedidos más recientes:`),
    noSuchOrder: "No encuentro ese pedido entre los pedidos verificados en este chat.",
    noOrders: "Todavía no encuentro pedidos suyos.",
    verifyOrLogin: "Para ver un pedido, inicie sesión en su cuenta o verifique el pedido con su número y su correo en el chat.",
    loginOnly: "Para ver sus pedidos, inicie sesión en su cuenta.",
    orderLookupOff: "No puedo consultar pedidos en este chat. Pida hablar con una persona.",
    policyFound: (t) => `De nuestra ${t}:`,
    noPolicy: "No encontré eso en nuestras políticas. Pida hablar con una persona.",
    handoff: "Le paso con una persona. Deje sus datos en el formulario y le responderemos.",
    unknown:
      "Puedo ayudarle con productos, sus pedidos (estado y seguimiento), nuestras políticas (devoluciones, envíos) o ponerle en contacto con una persona.",
    unavailable: "No puedo acceder a los datos de la tienda ahora mismo. Inténtelo de nuevo en un momento o pida hablar con una persona.",
    limitReached:
      "Eso requiere más pasos de los que puedo dar en una respuesta. ¿Puede preguntarlo de forma más sencilla o pedir una persona?",
  },
  nl: {
    aiOff: "AI-antwoorden staan nu uit, dus ik antwoord met een eenvoudige zoekopdracht.",
    productsFound: (t) => `Dit heb ik gevonden voor "${t}":`,
    noProducts: (t) => `Ik heb geen producten gevonden voor "${t}". Probeer andere woorden of vraag naar een medewerker.`,
    askProduct: 'Vertel me welk product u zoekt, bijvoorbeeld "katoenen T-shirt".',
    ordersFound: (n) => (n === 1 ? "Dit is uw bestelling:" : `Dit zijn uw ${n} laatste bestellingen:`),
    noSuchOrder: "Ik vind die bestelling niet bij de bestellingen die in deze chat zijn bevestigd.",
    noOrders: "Ik vind nog geen bestellingen van u.",
    verifyOrLogin: "Log in op uw account om een bestelling te zien, of bevestig de bestelling met het nummer en uw e-mailadres in de chat.",
    loginOnly: "Log in op uw account om uw bestellingen te zien.",
    orderLookupOff: "Ik kan hier geen bestellingen opzoeken. Vraag naar een medewerker, dan helpen we u.",
    policyFound: (t) => `Uit ons beleid (${t}):`,
    noPolicy: "Dat heb ik niet in ons beleid gevonden. Vraag naar een medewerker, dan helpen we u.",
    handoff: "Ik verbind u met een medewerker. Laat uw gegevens achter in het formulier, dan nemen we contact op.",
    unknown:
      "Ik help met producten, uw bestellingen (status en track & trace), ons beleid (retourneren, verzending) of verbind u met een medewerker.",
    unavailable: "Ik kan de gegevens van de winkel nu niet bereiken. Probeer het zo opnieuw of vraag naar een medewerker.",
    limitReached:
      "Dat vraagt meer stappen dan ik in één antwoord kan zetten. Kunt u het eenvoudiger vragen, of naar een medewerker vragen?",
  },
  it: {
    aiOff: "Le risposte con IA sono disattivate in questo momento, quindi rispondo con una ricerca semplice.",
    productsFound: (t) => `Ecco cosa ho trovato per «${t}»:`,
    noProducts: (t) => `Non ho trovato prodotti per «${t}». Provi con altre parole o chieda di parlare con una persona.`,
    askProduct: "Mi dica quale prodotto cerca, per esempio «maglietta di cotone».",
    ordersFound: (n) => (n === 1 ? "Ecco il suo ordine:" : `Ecco i suoi ${n} ordini più recenti:`),
    noSuchOrder: "Non trovo quell'ordine tra gli ordini verificati in questa chat.",
    noOrders: "Non trovo ancora ordini a suo nome.",
    verifyOrLogin: "Per vedere un ordine, acceda al suo account oppure verifichi l'ordine con il numero e l'e-mail nella chat.",
    loginOnly: "Per vedere i suoi ordini, acceda al suo account.",
    orderLookupOff: "Qui non posso consultare gli ordini. Chieda di parlare con una persona e la aiuteremo.",
    policyFound: (t) => `Dalle nostre condizioni (${t}):`,
    noPolicy: "Non ho trovato questa informazione nelle nostre condizioni. Chieda di parlare con una persona.",
    handoff: "La metto in contatto con una persona. Lasci i suoi dati nel modulo e la ricontatteremo.",
    unknown:
      "Posso aiutarla con i prodotti, i suoi ordini (stato e tracciamento), le nostre condizioni (resi, spedizioni) o metterla in contatto con una persona.",
    unavailable: "Non riesco a raggiungere i dati del negozio in questo momento. Riprovi tra poco o chieda di parlare con una persona.",
    limitReached:
      "Servono più passaggi di quanti ne possa fare in una risposta. Può chiederlo in modo più semplice o chiedere di una persona?",
  },
};

// What the demo municipality's citizens write: Swedish, everyday, varied.

const FIRST_NAMES = [
  'Anna',
  'Erik',
  'Maria',
  'Lars',
  'Karin',
  'Johan',
  'Elin',
  'Mikael',
  'Sara',
  'Anders',
  'Eva',
  'Per',
  'Lena',
  'Nils',
  'Ida',
  'Olle',
  'Sofia',
  'Magnus',
  'Emma',
  'Jonas',
  'Britt',
  'Hassan',
  'Amira',
  'Aleksander',
  'Leila',
  'Tove',
  'Gustav',
  'Maja',
  'Oskar',
  'Åsa',
];
const LAST_NAMES = [
  'Lindqvist',
  'Berg',
  'Johansson',
  'Nyström',
  'Sjöberg',
  'Karlsson',
  'Andersson',
  'Öberg',
  'Holm',
  'Ali',
  'Nilsson',
  'Eriksson',
  'Lundgren',
  'Åberg',
  'Hassan',
  'Virtanen',
  'Ström',
];
const STREETS = [
  'Storgatan',
  'Bergsgatan',
  'Skolhusallén',
  'Esplanaden',
  'Köpmangatan',
  'Nybrogatan',
  'Trädgårdsgatan',
  'Norrmalmsgatan',
  'Parkgatan',
  'Stationsvägen',
];

export interface Topic {
  tag: string;
  subject: string;
  /** `{street}` is replaced by a street name. */
  texts: string[];
  followUps: string[];
  answers: string[];
}

export const TOPICS: Topic[] = [
  {
    tag: 'avfall',
    subject: 'Sophämtning',
    texts: [
      'Hej! Soporna hämtades inte på {street} i dag. Kommer de i morgon?',
      'Matavfallskärlet har inte tömts på två veckor på {street}. Vad gäller?',
      'Kan jag beställa ett extra kärl för glas och metall?',
    ],
    followUps: ['Tack! Gäller det hela gatan?', 'Det luktar illa nu, snälla skynda på.'],
    answers: [
      'Tack för att du hör av dig! Vi har kontaktat entreprenören, som kommer i morgon förmiddag.',
      'Hej! Vi har lagt in en beställning, kärlet levereras inom en vecka.',
    ],
  },
  {
    tag: 'snöröjning',
    subject: 'Snöröjning',
    texts: [
      'Plogas {street} också? Det är omöjligt att ta sig fram med barnvagn.',
      'Snövallen vid övergångsstället på {street} är så hög att barnen inte syns.',
      'När sandas gångbanan vid skolan? Det är flughalt.',
    ],
    followUps: ['Det är fortfarande inte plogat.', 'Tack för snabbt svar!'],
    answers: [
      'Hej! {street} plogas i dag under eftermiddagen. Gång- och cykelvägar prioriteras först.',
      'Tack för tipset, vi skickar ut en sandbil till skolan i dag.',
    ],
  },
  {
    tag: 'bygglov',
    subject: 'Bygglov',
    texts: [
      'Behöver jag bygglov för ett attefallshus på 25 kvadratmeter?',
      'Hur lång är handläggningstiden för bygglov just nu? Jag sökte för sex veckor sedan.',
      'Kan jag få hjälp att fylla i ansökan om marklov?',
    ],
    followUps: ['Vilka ritningar behöver jag skicka in?', 'Tack, då vet jag.'],
    answers: [
      'Hej! Ett attefallshus kräver ingen bygglov men en anmälan och startbesked.',
      'Handläggningstiden är i dag cirka åtta veckor från komplett ansökan.',
    ],
  },
  {
    tag: 'belysning',
    subject: 'Gatubelysning',
    texts: [
      'Gatlampan utanför nummer 12 på {street} har varit släckt i en vecka.',
      'Hela gång- och cykelvägen längs {street} är mörk i kväll.',
    ],
    followUps: ['Fortfarande mörkt i kväll.'],
    answers: [
      'Tack! Felanmälan är skickad till vår elentreprenör, som åtgärdar felet inom fem arbetsdagar.',
    ],
  },
  {
    tag: 'skola',
    subject: 'Skolskjuts',
    texts: [
      'Skolbussen kom inte i morse vid hållplatsen på {street}. Vem ska jag kontakta?',
      'Hur ansöker jag om skolskjuts för mitt barn som börjar förskoleklass?',
    ],
    followUps: ['Barnen väntade i 40 minuter i kylan.'],
    answers: [
      'Hej! Vi beklagar. Vi har pratat med bussbolaget och bussen går som vanligt i morgon.',
    ],
  },
  {
    tag: 'förskola',
    subject: 'Förskoleplats',
    texts: [
      'Vi har stått i kö till förskola i fyra månader. När får vi besked?',
      'Kan vi byta förskola till en närmare {street}?',
    ],
    followUps: ['Vi behöver en plats från den 1 mars.'],
    answers: ['Hej! Ni får ett erbjudande senast fyra månader efter ansökan, enligt skollagen.'],
  },
  {
    tag: 'parkering',
    subject: 'Parkering',
    texts: [
      'Jag fick en parkeringsbot på {street} trots att skylten var täckt av snö.',
      'Hur ansöker jag om boendeparkering?',
    ],
    followUps: ['Jag har bilder på skylten.'],
    answers: ['Hej! Du kan bestrida avgiften hos parkeringsbolaget. Skicka gärna med bilderna.'],
  },
  {
    tag: 'vatten',
    subject: 'Vatten och avlopp',
    texts: [
      'Vattnet är brunt i kranen på {street} sedan i morse. Är det farligt?',
      'Vi har inget vatten alls i huset. Pågår det ett arbete?',
    ],
    followUps: ['Nu är det bättre, tack.', 'Fortfarande brunt.'],
    answers: [
      'Hej! Vi spolar ledningarna efter ett rörbrott. Låt kranen stå på en stund; vattnet är drickbart.',
    ],
  },
  {
    tag: 'fritid',
    subject: 'Simhallen',
    texts: [
      'När öppnar simhallen igen efter renoveringen?',
      'Finns det lediga tider för simskola i vår?',
    ],
    followUps: ['Gäller årskorten fortfarande?'],
    answers: [
      'Hej! Simhallen öppnar den 15 januari. Årskorten förlängs med den tid hallen varit stängd.',
    ],
  },
  {
    tag: 'omsorg',
    subject: 'Hemtjänst',
    texts: [
      'Min mamma har hemtjänst och ingen kom i morse. Vad har hänt?',
      'Hur ansöker man om trygghetslarm?',
    ],
    followUps: ['Hon är orolig, kan någon ringa henne?'],
    answers: ['Hej! Vi har kontaktat hemtjänstgruppen, som ringer din mamma inom en timme.'],
  },
];

/** A small deterministic random source, so every demo run tells the same story. */
export class DemoRandom {
  constructor(private seed: number) {}

  next(): number {
    // mulberry32
    let t = (this.seed += 0x6d2b79f5);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  between(low: number, high: number): number {
    return low + this.next() * (high - low);
  }
}

export function citizenName(random: DemoRandom): string {
  return `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
}

export function filledIn(text: string, random: DemoRandom): string {
  return text.replaceAll('{street}', random.pick(STREETS));
}

export function emailOf(name: string, n: number): string {
  const local = name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z]+/g, '.');
  return `${local}${n}@example.se`;
}

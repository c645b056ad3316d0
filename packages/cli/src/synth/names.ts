// Family and given names as French civil status writes them: accents, hyphenated and compound
// forms, particles, Breton and Réunion names, names of immigrant origin, and given names by sex
// and birth cohort. A syllable generator supplies a long tail so that names stay varied at a
// million persons (real name frequencies have a very long tail too).

import { type Rng, type Weighted, weighted } from './prng.ts';

export type NamePool = 'common' | 'breton' | 'migrant' | 'reunion';

const list = (text: string): [string, number][] =>
  text
    .trim()
    .split(/\s*;\s*/)
    .map((entry) => {
      const [name, weight] = entry.split(':');
      return [name!.trim(), Number(weight ?? 1)];
    });

const familyNames: Record<NamePool, Weighted<string>> = {
  common: weighted(
    list(`Martin:30; Bernard:15; Thomas:14; Petit:13; Robert:13; Richard:12; Durand:12; Dubois:12; Moreau:11;
      Laurent:11; Simon:10; Michel:10; Lefèvre:10; Leroy:9; Roux:9; David:9; Bertrand:8; Morel:8; Fournier:8;
      Girard:8; Bonnet:7; Dupont:7; Lambert:7; Fontaine:7; Rousseau:7; Vincent:7; Muller:6; Lefebvre:6;
      Faure:6; André:6; Mercier:6; Blanc:6; Guérin:6; Boyer:5; Garnier:5; Chevalier:5; François:5;
      Legrand:5; Gauthier:5; Garcia:5; Perrin:5; Robin:5; Clément:5; Morin:5; Nicolas:5; Henry:4; Roussel:4;
      Mathieu:4; Masson:4; Marchand:4; Duval:4; Denis:4; Dumont:4; Lemaire:4; Noël:4; Meyer:4; Dufour:4;
      Meunier:4; Brun:4; Blanchard:4; Giraud:4; Joly:4; Rivière:4; Lucas:4; Brunet:4; Gaillard:4;
      Barbier:4; Arnaud:4; Martinez:4; Gérard:4; Roche:3; Renard:3; Schmitt:3; Roy:3; Leroux:3; Colin:3;
      Vidal:3; Caron:3; Picard:3; Roger:3; Fabre:3; Aubert:3; Lemoine:3; Renaud:3; Dumas:3; Lacroix:3;
      Olivier:3; Philippe:3; Bourgeois:3; Pierre:3; Benoît:3; Rey:3; Leclerc:3; Rolland:3; Lecomte:3;
      De La Fontaine:1; Saint-Martin:1; Besnard:2; Chauvin:2; Hubert:2; Jacquet:2; Collet:2; Prévost:2`),
  ),
  breton: weighted(
    list(`Le Gall:6; Le Goff:6; Le Roux:5; Le Bihan:4; Le Corre:4; Le Bras:3; Le Guen:4; Tanguy:4; Le Floch:3;
      Le Moal:3; Guillou:4; Hervé:4; Le Borgne:3; Le Meur:3; Le Bris:3; Jaouen:2; Kerbrat:2; Quéré:2;
      Le Hir:2; Nicol:3; Riou:3; Cariou:2; Jézéquel:2; Prigent:3; Morvan:3; Hamon:4; Daniel:4; Gicquel:2;
      Lebreton:3; Le Pape:2; Le Berre:2; L'Hostis:1; Le Cœur:1; Kervella:1; Guéguen:2; Le Dantec:1`),
  ),
  migrant: weighted(
    list(`N'Diaye:2; Diallo:3; Traoré:2; Ben Ali:1; Benali:2; Nguyen:3; Da Silva:3; Dos Santos:2; Ferreira:3;
      Pereira:3; Rodrigues:3; Fernandes:2; Haddad:2; Bouzid:1; Cherif:1; Mansouri:1; Diop:2; Sow:1;
      Camara:2; Keïta:1; Fofana:1; Koné:1; Yılmaz:1; Kaya:1; Öztürk:1; Saïd:1; Ahmed:1; Mendy:1;
      El Amrani:1; Benmoussa:1; Popescu:1; Tran:2`),
  ),
  reunion: weighted(
    list(`Payet:20; Hoarau:14; Grondin:12; Técher:10; Robert:10; Fontaine:9; Boyer:9; Lebon:8; Maillot:7;
      Nativel:6; Dijoux:6; Turpin:6; Ethève:5; Huet:5; Damour:5; Hoareau:5; Lauret:5; Mussard:5; Morel:5;
      Gonthier:4; Cadet:4; Sautron:4; Rivière:4; Ah-Hot:2; Ah-Kiem:2; Souprayen:3; Moutoussamy:3;
      Sinimalé:2; Vayaboury:2; Abdul:2; Ismaël:2; Patel:2; Bègue:4; Clain:5; Ramassamy:3`),
  ),
};

// Cohorts by birth year: before 1950, 1950–69, 1970–89, 1990–2004, 2005 and later.
const cohortOf = (year: number): number =>
  year < 1950 ? 0 : year < 1970 ? 1 : year < 1990 ? 2 : year < 2005 ? 3 : 4;

const male = [
  `Jean; Pierre; Michel; André; Bernard; René; Jacques; Marcel; Roger; Louis; Georges; Henri; Joseph; Yves;
    Robert; Paul; Raymond; Claude; François; Jean-Baptiste`,
  `Philippe; Patrick; Alain; Daniel; Christian; Gérard; Jean-Pierre; Jean-Claude; Dominique; Didier; Thierry;
    Pascal; Éric; Joël; Jean-Luc; Jean-Marc; Hervé; Yannick; Gilles; Serge`,
  `Christophe; Stéphane; Sébastien; Nicolas; Frédéric; David; Laurent; Olivier; Julien; Jérôme; Cédric;
    Ludovic; Mickaël; Guillaume; Romain; Anthony; Grégory; Loïc; Erwan; Mathieu; Pierre-Yves`,
  `Thomas; Kévin; Alexandre; Maxime; Quentin; Antoine; Hugo; Florian; Clément; Théo; Lucas; Valentin;
    Dylan; Benjamin; Jordan; Corentin; Yanis; Killian; Baptiste; Gwendal; Jean-Baptiste`,
  `Lucas; Gabriel; Léo; Louis; Raphaël; Arthur; Jules; Adam; Noah; Ethan; Nathan; Tom; Sacha; Timéo; Noé;
    Maël; Aaron; Mathis; Enzo; Liam; Évan; Nolan`,
].map((text) => list(text).map(([n]) => n));

const female = [
  `Marie; Jeanne; Monique; Simone; Yvonne; Germaine; Madeleine; Denise; Suzanne; Marguerite; Odette;
    Paulette; Louise; Anne; Thérèse; Jacqueline; Colette; Hélène; Andrée; Marie-Thérèse`,
  `Martine; Nathalie; Isabelle; Catherine; Sylvie; Christine; Françoise; Brigitte; Chantal; Nicole;
    Véronique; Patricia; Dominique; Valérie; Marie-Claire; Annick; Évelyne; Danielle; Joëlle; Pascale`,
  `Sandrine; Stéphanie; Céline; Aurélie; Émilie; Julie; Virginie; Sophie; Karine; Laetitia; Élodie;
    Audrey; Caroline; Anne-Sophie; Gaëlle; Nolwenn; Delphine; Hélène; Marie-Laure; Soizic`,
  `Laura; Camille; Marine; Pauline; Manon; Léa; Mathilde; Anaïs; Océane; Chloé; Sarah; Justine; Morgane;
    Clara; Charlotte; Maëlle; Inès; Lucie; Emma; Gwenaëlle; Anne-Lise`,
  `Emma; Jade; Louise; Alice; Chloé; Lina; Léa; Rose; Anna; Mila; Inès; Ambre; Julia; Zoé; Léna;
    Juliette; Lou; Maëlys; Romane; Éléna; Nour`,
].map((text) => list(text).map(([n]) => n));

const migrantGiven = {
  1: list(
    `Mohamed; Karim; Youssef; Ibrahim; Moussa; Amadou; Mamadou; Ali; Omar; Bilal; Mehdi; Rayan; Ilyès; Minh`,
  ).map(([n]) => n),
  2: list(
    `Fatima; Aïcha; Khadija; Mariam; Aminata; Fatoumata; Nadia; Samira; Yasmine; Leïla; Nour; Linh`,
  ).map(([n]) => n),
};

const reunionGiven = {
  1: list(`Jean-Yves; Jean-Max; Johnny; Dimitri; Mickaël; Jean-Hugues; Willy; Teddy; Loïc; Jean-Marie`).map(
    ([n]) => n,
  ),
  2: list(
    `Marie-Josée; Ginette; Cindy; Jessica; Priscilla; Marie-Annick; Sully; Mélissa; Marie-Jo; Josiane`,
  ).map(([n]) => n),
};

// Middle names: the classic fillers of French civil status.
const middle = {
  1: ['Jean', 'Pierre', 'Louis', 'Joseph', 'Marie', 'Paul', 'André', 'François', 'Yves', 'Henri'],
  2: ['Marie', 'Anne', 'Louise', 'Jeanne', 'Claire', 'Françoise', 'Thérèse', 'Hélène', 'Sophie', 'Élise'],
};

export const drawPool: Record<'metropolitan' | 'overseas', Weighted<NamePool>> = {
  metropolitan: weighted([
    ['common', 62],
    ['breton', 25],
    ['migrant', 13],
  ]),
  overseas: weighted([
    ['reunion', 85],
    ['common', 10],
    ['migrant', 5],
  ]),
};

const onsets = 'B Br C Ch D F G Gu J K L M N P Pr Qu R S T Tr V Ker'.split(' ');
const vowels = 'a e i o ou au é ai eu a o'.split(' ');
const codas = 'r l n s rd rn ll t m'.split(' ');
const endings = 'ec ou ard ier ot in eau on el et and oux ic ais ès an ault'.split(' ');

/** A plausible family name from syllables (the long tail of real names). */
export function syllableFamilyName(rng: Rng): string {
  let name = rng.pick(onsets) + rng.pick(vowels);
  if (rng.chance(0.7)) name += rng.pick(codas);
  if (rng.chance(0.5)) name += rng.pick(onsets).toLowerCase() + rng.pick(vowels);
  name += rng.pick(endings);
  const particle = rng.next();
  if (particle < 0.06) return `Le ${name}`;
  if (particle < 0.08) return `Du ${name}`;
  return name;
}

// The listed names are the head of the distribution, the syllable tail stands for the long rest.
// Real family names are far more spread out than the lists (Martin, the commonest in France, is
// borne by well under 1 % of people). Drawn three times in four, the lists made Martin 1.6 % of caf
// rows and gave one caf row in fifteen a namesake (same family and first given name) born the same
// month; such namesakes differ only by their birth-date token, their Bloom filters score about 0.93,
// and a fuzzy matcher takes them for one person. Drawn four times in ten, Martin is about 1 % and
// one row in fifty has such a namesake, still more than real names give.
const TAIL_SHARE = 0.6;

/** The name lists' model: `v1` as above, or `realistic` (below). */
export type NameModel = 'v1' | 'realistic';

// Realistic: the lists stand for a head as thin as civil status shows it (Martin, the commonest
// family name in France, about 0.35 % of people; the lists drawn 7 times in 100 put it at 0.4 % of
// the common pool), the syllable tail for the rest, and one adult in twenty-five bears a compound
// family name (two names joined by a hyphen or a space, as double names given since 2005 and
// older compound names are written).
const REALISTIC_HEAD_SHARE = 0.07;
const REALISTIC_COMPOUND_SHARE = 0.04;

/** A birth family name from a pool, or from the syllable tail. */
export function drawFamilyName(rng: Rng, pool: NamePool, model: NameModel = 'v1'): string {
  if (model === 'v1') return rng.chance(TAIL_SHARE) ? syllableFamilyName(rng) : familyNames[pool](rng);
  const one = () => (rng.chance(REALISTIC_HEAD_SHARE) ? familyNames[pool](rng) : syllableFamilyName(rng));
  if (!rng.chance(REALISTIC_COMPOUND_SHARE)) return one();
  const first = one();
  const second = one().replace(/^(Le|Du) /, '');
  return second === first ? first : `${first}${rng.chance(0.7) ? '-' : ' '}${second}`;
}

/** Given names as civil status lists them ("Marie Anne Sophie"): one to three names. */
export function drawGivenNames(rng: Rng, sex: 1 | 2, birthYear: number, pool: NamePool): string {
  const first =
    pool === 'migrant' && rng.chance(0.6)
      ? rng.pick(migrantGiven[sex])
      : pool === 'reunion' && rng.chance(0.35)
        ? rng.pick(reunionGiven[sex])
        : rng.pick((sex === 1 ? male : female)[cohortOf(birthYear)]!);
  const names = [first];
  const more = rng.next();
  const count = more < 0.4 ? 0 : more < 0.85 ? 1 : 2;
  for (let i = 0; i < count; i++) {
    const next = rng.chance(0.5)
      ? rng.pick(middle[sex])
      : rng.pick((sex === 1 ? male : female)[cohortOf(birthYear)]!);
    if (!names.includes(next)) names.push(next);
  }
  return names.join(' ');
}

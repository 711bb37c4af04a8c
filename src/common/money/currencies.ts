/**
 * ISO 4217 currency codes with their minor units (decimal places).
 *
 * Source: ISO 4217 "list one" (current currencies and funds) as published by the maintenance
 * agency (SIX) on 2026-01-01. Codes without minor units ("N.A.": precious metals XAU/XAG/XPD/XPT,
 * the SDR XDR, bond-market units XBA-XBD, XUA, XSU, XTS, XXX) are deliberately absent: they are not
 * money a ledger can hold in a currency amount.
 *
 * A few codes withdrawn from list one since 2015 are kept (marked `withdrawn`): seized cash can be
 * old notes (Bulgarian lev, Croatian kuna, ...) that are still exchangeable, and events recorded while
 * the code was current must stay readable.
 */
export interface CurrencyInfo {
  readonly minorUnits: number;
  readonly name: string;
  /** A fund or unit of account rather than a circulating currency. */
  readonly fund?: true;
  /** No longer on ISO 4217 list one (kept for old notes and old events). */
  readonly withdrawn?: true;
}

const c = (minorUnits: number, name: string): CurrencyInfo => ({ minorUnits, name });
const fund = (minorUnits: number, name: string): CurrencyInfo => ({ minorUnits, name, fund: true });
const old = (minorUnits: number, name: string): CurrencyInfo => ({
  minorUnits,
  name,
  withdrawn: true,
});

export const CURRENCIES: Readonly<Record<string, CurrencyInfo>> = Object.freeze({
  AED: c(2, 'UAE Dirham'),
  AFN: c(2, 'Afghani'),
  ALL: c(2, 'Lek'),
  AMD: c(2, 'Armenian Dram'),
  AOA: c(2, 'Kwanza'),
  ARS: c(2, 'Argentine Peso'),
  AUD: c(2, 'Australian Dollar'),
  AWG: c(2, 'Aruban Florin'),
  AZN: c(2, 'Azerbaijan Manat'),
  BAM: c(2, 'Convertible Mark'),
  BBD: c(2, 'Barbados Dollar'),
  BDT: c(2, 'Taka'),
  BHD: c(3, 'Bahraini Dinar'),
  BIF: c(0, 'Burundi Franc'),
  BMD: c(2, 'Bermudian Dollar'),
  BND: c(2, 'Brunei Dollar'),
  BOB: c(2, 'Boliviano'),
  BOV: fund(2, 'Mvdol'),
  BRL: c(2, 'Brazilian Real'),
  BSD: c(2, 'Bahamian Dollar'),
  BTN: c(2, 'Ngultrum'),
  BWP: c(2, 'Pula'),
  BYN: c(2, 'Belarusian Ruble'),
  BZD: c(2, 'Belize Dollar'),
  CAD: c(2, 'Canadian Dollar'),
  CDF: c(2, 'Congolese Franc'),
  CHE: fund(2, 'WIR Euro'),
  CHF: c(2, 'Swiss Franc'),
  CHW: fund(2, 'WIR Franc'),
  CLF: fund(4, 'Unidad de Fomento'),
  CLP: c(0, 'Chilean Peso'),
  CNY: c(2, 'Yuan Renminbi'),
  COP: c(2, 'Colombian Peso'),
  COU: fund(2, 'Unidad de Valor Real'),
  CRC: c(2, 'Costa Rican Colon'),
  CUP: c(2, 'Cuban Peso'),
  CVE: c(2, 'Cabo Verde Escudo'),
  CZK: c(2, 'Czech Koruna'),
  DJF: c(0, 'Djibouti Franc'),
  DKK: c(2, 'Danish Krone'),
  DOP: c(2, 'Dominican Peso'),
  DZD: c(2, 'Algerian Dinar'),
  EGP: c(2, 'Egyptian Pound'),
  ERN: c(2, 'Nakfa'),
  ETB: c(2, 'Ethiopian Birr'),
  EUR: c(2, 'Euro'),
  FJD: c(2, 'Fiji Dollar'),
  FKP: c(2, 'Falkland Islands Pound'),
  GBP: c(2, 'Pound Sterling'),
  GEL: c(2, 'Lari'),
  GHS: c(2, 'Ghana Cedi'),
  GIP: c(2, 'Gibraltar Pound'),
  GMD: c(2, 'Dalasi'),
  GNF: c(0, 'Guinean Franc'),
  GTQ: c(2, 'Quetzal'),
  GYD: c(2, 'Guyana Dollar'),
  HKD: c(2, 'Hong Kong Dollar'),
  HNL: c(2, 'Lempira'),
  HTG: c(2, 'Gourde'),
  HUF: c(2, 'Forint'),
  IDR: c(2, 'Rupiah'),
  ILS: c(2, 'New Israeli Sheqel'),
  INR: c(2, 'Indian Rupee'),
  IQD: c(3, 'Iraqi Dinar'),
  IRR: c(2, 'Iranian Rial'),
  ISK: c(0, 'Iceland Krona'),
  JMD: c(2, 'Jamaican Dollar'),
  JOD: c(3, 'Jordanian Dinar'),
  JPY: c(0, 'Yen'),
  KES: c(2, 'Kenyan Shilling'),
  KGS: c(2, 'Som'),
  KHR: c(2, 'Riel'),
  KMF: c(0, 'Comorian Franc'),
  KPW: c(2, 'North Korean Won'),
  KRW: c(0, 'Won'),
  KWD: c(3, 'Kuwaiti Dinar'),
  KYD: c(2, 'Cayman Islands Dollar'),
  KZT: c(2, 'Tenge'),
  LAK: c(2, 'Lao Kip'),
  LBP: c(2, 'Lebanese Pound'),
  LKR: c(2, 'Sri Lanka Rupee'),
  LRD: c(2, 'Liberian Dollar'),
  LSL: c(2, 'Loti'),
  LYD: c(3, 'Libyan Dinar'),
  MAD: c(2, 'Moroccan Dirham'),
  MDL: c(2, 'Moldovan Leu'),
  MGA: c(2, 'Malagasy Ariary'),
  MKD: c(2, 'Denar'),
  MMK: c(2, 'Kyat'),
  MNT: c(2, 'Tugrik'),
  MOP: c(2, 'Pataca'),
  MRU: c(2, 'Ouguiya'),
  MUR: c(2, 'Mauritius Rupee'),
  MVR: c(2, 'Rufiyaa'),
  MWK: c(2, 'Malawi Kwacha'),
  MXN: c(2, 'Mexican Peso'),
  MXV: fund(2, 'Mexican Unidad de Inversion (UDI)'),
  MYR: c(2, 'Malaysian Ringgit'),
  MZN: c(2, 'Mozambique Metical'),
  NAD: c(2, 'Namibia Dollar'),
  NGN: c(2, 'Naira'),
  NIO: c(2, 'Cordoba Oro'),
  NOK: c(2, 'Norwegian Krone'),
  NPR: c(2, 'Nepalese Rupee'),
  NZD: c(2, 'New Zealand Dollar'),
  OMR: c(3, 'Rial Omani'),
  PAB: c(2, 'Balboa'),
  PEN: c(2, 'Sol'),
  PGK: c(2, 'Kina'),
  PHP: c(2, 'Philippine Peso'),
  PKR: c(2, 'Pakistan Rupee'),
  PLN: c(2, 'Zloty'),
  PYG: c(0, 'Guarani'),
  QAR: c(2, 'Qatari Rial'),
  RON: c(2, 'Romanian Leu'),
  RSD: c(2, 'Serbian Dinar'),
  RUB: c(2, 'Russian Ruble'),
  RWF: c(0, 'Rwanda Franc'),
  SAR: c(2, 'Saudi Riyal'),
  SBD: c(2, 'Solomon Islands Dollar'),
  SCR: c(2, 'Seychelles Rupee'),
  SDG: c(2, 'Sudanese Pound'),
  SEK: c(2, 'Swedish Krona'),
  SGD: c(2, 'Singapore Dollar'),
  SHP: c(2, 'Saint Helena Pound'),
  SLE: c(2, 'Leone'),
  SOS: c(2, 'Somali Shilling'),
  SRD: c(2, 'Surinam Dollar'),
  SSP: c(2, 'South Sudanese Pound'),
  STN: c(2, 'Dobra'),
  SVC: c(2, 'El Salvador Colon'),
  SYP: c(2, 'Syrian Pound'),
  SZL: c(2, 'Lilangeni'),
  THB: c(2, 'Baht'),
  TJS: c(2, 'Somoni'),
  TMT: c(2, 'Turkmenistan New Manat'),
  TND: c(3, 'Tunisian Dinar'),
  TOP: c(2, 'Pa’anga'),
  TRY: c(2, 'Turkish Lira'),
  TTD: c(2, 'Trinidad and Tobago Dollar'),
  TWD: c(2, 'New Taiwan Dollar'),
  TZS: c(2, 'Tanzanian Shilling'),
  UAH: c(2, 'Hryvnia'),
  UGX: c(0, 'Uganda Shilling'),
  USD: c(2, 'US Dollar'),
  USN: fund(2, 'US Dollar (Next day)'),
  UYI: fund(0, 'Uruguay Peso en Unidades Indexadas (UI)'),
  UYU: c(2, 'Peso Uruguayo'),
  UYW: fund(4, 'Unidad Previsional'),
  UZS: c(2, 'Uzbekistan Sum'),
  VED: c(2, 'Bolívar Soberano (VED)'),
  VES: c(2, 'Bolívar Soberano'),
  VND: c(0, 'Dong'),
  VUV: c(0, 'Vatu'),
  WST: c(2, 'Tala'),
  XAD: fund(2, 'Arab Accounting Dinar'),
  XAF: c(0, 'CFA Franc BEAC'),
  XCD: c(2, 'East Caribbean Dollar'),
  XCG: c(2, 'Caribbean Guilder'),
  XOF: c(0, 'CFA Franc BCEAO'),
  XPF: c(0, 'CFP Franc'),
  YER: c(2, 'Yemeni Rial'),
  ZAR: c(2, 'Rand'),
  ZMW: c(2, 'Zambian Kwacha'),
  ZWG: c(2, 'Zimbabwe Gold'),

  // Withdrawn from list one since 2015 (old notes are still seized; old events must stay valid).
  ANG: old(2, 'Netherlands Antillean Guilder'),
  BGN: old(2, 'Bulgarian Lev'),
  BYR: old(0, 'Belarusian Ruble (2000-2016)'),
  CUC: old(2, 'Peso Convertible'),
  HRK: old(2, 'Kuna'),
  LTL: old(2, 'Lithuanian Litas'),
  MRO: old(2, 'Ouguiya (before 2018)'),
  SLL: old(2, 'Leone (before 2022)'),
  STD: old(2, 'Dobra (before 2018)'),
  VEF: old(2, 'Bolívar Fuerte'),
  ZWL: old(2, 'Zimbabwe Dollar'),
});

/** The minor units (decimal places) of an ISO 4217 code, or undefined for an unknown code. */
export function minorUnits(code: string): number | undefined {
  if (typeof code !== 'string' || !Object.prototype.hasOwnProperty.call(CURRENCIES, code)) {
    return undefined;
  }
  return CURRENCIES[code].minorUnits;
}

/** True for a known ISO 4217 code (exact, upper case). */
export function isCurrency(code: string): boolean {
  return minorUnits(code) !== undefined;
}

/** The codes currently on ISO 4217 list one (no withdrawn codes). */
export function activeCurrencyCodes(): string[] {
  return Object.keys(CURRENCIES).filter((code) => !CURRENCIES[code].withdrawn);
}

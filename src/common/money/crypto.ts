import { subField } from './field-path';
import Decimal from 'decimal.js';
import { refuse } from '../domain-error';
import { DECIMAL_STRING, Dec } from './money';

export interface CryptoJson {
  symbol: string;
  quantity: string;
}

/** Cryptoasset symbols: upper-case letters and digits, 2 to 10 characters (BTC, ETH, USDT, ...). */
export const CRYPTO_SYMBOL = /^[A-Z0-9]{2,10}$/;

/** Native quantities carry at most 18 decimal places (wei for ETH; satoshi needs only 8). */
export const CRYPTO_MAX_DECIMALS = 18;

/** A native cryptoasset quantity: the source of truth for a crypto seizure (docs/domain.md). */
export class CryptoQuantity {
  private constructor(
    readonly symbol: string,
    readonly quantity: Decimal,
  ) {
    Object.freeze(this);
  }

  /**
   * From the wire: symbol /^[A-Z0-9]{2,10}$/ (field `${field}.symbol`), quantity a plain decimal
   * string greater than zero with at most 18 decimal places (field `${field}.quantity`); anything
   * else is refused with `invalid_money`.
   */
  static parse(json: CryptoJson, field?: string): CryptoQuantity {
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
      refuse('invalid_money', 'cryptoasset must be an object { symbol, quantity }', field);
    }
    const raw = json as unknown as Record<string, unknown>;
    const { symbol, quantity } = raw;
    if (typeof symbol !== 'string' || !CRYPTO_SYMBOL.test(symbol)) {
      refuse(
        'invalid_money',
        'symbol must be 2 to 10 upper-case letters or digits',
        subField(field, 'symbol'),
      );
    }
    if (typeof quantity !== 'string' || !DECIMAL_STRING.test(quantity)) {
      refuse(
        'invalid_money',
        'quantity must be a decimal string (not a number, no exponent)',
        subField(field, 'quantity'),
      );
    }
    const q = new Dec(quantity);
    if (!q.gt(0)) {
      refuse('invalid_money', 'quantity must be greater than zero', subField(field, 'quantity'));
    }
    if (q.decimalPlaces() > CRYPTO_MAX_DECIMALS) {
      refuse(
        'invalid_money',
        `quantity has more than ${CRYPTO_MAX_DECIMALS} decimal places`,
        subField(field, 'quantity'),
        { maxDecimalPlaces: CRYPTO_MAX_DECIMALS },
      );
    }
    return new CryptoQuantity(symbol, q);
  }

  equals(o: CryptoQuantity): boolean {
    return this.symbol === o.symbol && this.quantity.eq(o.quantity);
  }

  /** Quantity in plain decimal notation (no exponent), trailing zeros trimmed. */
  toJSON(): CryptoJson {
    return { symbol: this.symbol, quantity: this.quantity.toFixed() };
  }

  toString(): string {
    return `${this.quantity.toFixed()} ${this.symbol}`;
  }
}

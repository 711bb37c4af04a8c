export * from './currencies';
export * from './money';
export * from './crypto';
export * from './fx';

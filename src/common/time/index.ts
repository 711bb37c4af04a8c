export * from './iso';
export * from './london';
export * from './financial-year';
export * from './bank-holidays';
export * from './detention-clock';
export * from './date-fields';
export * from './units';

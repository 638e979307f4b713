// Svara's personal-data rules: recognising personal identity numbers in
// messages so threads can be flagged and the numbers kept out of lists and
// notifications. Pure functions, no I/O.
export * from './identity-numbers';

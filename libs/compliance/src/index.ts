// Recognising personal identity numbers in what citizens write (pure
// functions, no I/O), so threads can be flagged and the numbers kept out of
// lists and notifications.
export * from './identity-numbers';

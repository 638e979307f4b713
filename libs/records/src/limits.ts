/** The most threads one record package holds; larger selections are refused, to be exported in parts. */
export const MAX_THREADS_PER_PACKAGE = 5000;

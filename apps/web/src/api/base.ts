/** Where the API lives, on the app's own origin. */
export const API_BASE = '/api/v1';

import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/500.css';
import '@fontsource/noto-sans/600.css';
import './ui/tokens.css';
import './ui/app.css';
import { startEarlyRequests } from './boot/early-requests';

// The entry is small on purpose: it sends the first page's requests at once,
// and the app (preloaded by index.html, see vite.config.ts) renders when its
// script has loaded, with those answers on their way or already there.
startEarlyRequests();
if (location.pathname.startsWith('/threads/')) void import('./features/thread/ThreadView');
void import('./app').then(({ startApp }) => startApp());

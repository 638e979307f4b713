// A fake Graph API to run on its own, for demos and local development:
//   npm run fake-graph   (PORT=4010 by default)
// Point Svara at it with META_GRAPH_URL=http://127.0.0.1:4010 and connect a
// FACEBOOK_PAGE channel with the page id and token printed below.
//
// FAKE_GRAPH_MESSENGER=1000x100 serves a Page with 1,000 conversations of 100
// messages instead of the demo data. FAKE_GRAPH_LATENCY_MS delays every answer
// by that many milliseconds (`150`), or by a random time within a range
// (`100-300`), as Meta's servers take. Started by another Node process (fork),
// it reports its address over IPC and answers 'stats' with its request count.
import { seedMessenger } from './seed';
import { FakeGraphServer } from './server';

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 4010);
  const fake = new FakeGraphServer(process.env.META_GRAPH_VERSION ?? 'v23.0');
  const { store } = fake;
  const latency = /^(\d+)(?:-(\d+))?$/.exec(process.env.FAKE_GRAPH_LATENCY_MS ?? '');
  if (latency) {
    fake.delayMs = Number(latency[1]);
    fake.delayJitterMs = Math.max(0, Number(latency[2] ?? latency[1]) - fake.delayMs);
  } else if (process.env.FAKE_GRAPH_LATENCY_MS) {
    throw new Error('FAKE_GRAPH_LATENCY_MS must be milliseconds (150) or a range (100-300)');
  }
  const messenger = /^(\d+)x(\d+)$/.exec(process.env.FAKE_GRAPH_MESSENGER ?? '');
  if (messenger) {
    const page = store.addPage({ name: 'Benchmark kommun' });
    const messages = seedMessenger(store, page, {
      conversations: Number(messenger[1]),
      messagesPerConversation: Number(messenger[2]),
    });
    await fake.listen(port, process.env.HOST ?? '127.0.0.1');
    report(fake, { pageId: page.id, token: page.token, messages });
    return;
  }
  const page = store.addPage({
    id: '101000000000001',
    name: 'Sundsvalls kommun',
    token: 'EAAG-demo-page-token-0001',
  });
  const instagram = store.addInstagramAccount({
    id: '178000000000001',
    username: 'sundsvallskommun',
    token: 'IGAA-demo-instagram-token-0001',
    pageId: page.id,
  });
  const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

  const anna = { id: '7100000000000001', name: 'Anna Lindqvist' };
  store.receiveMessage(
    page.id,
    anna,
    'Hej! Soporna hämtades inte på Storgatan i dag.',
    minutesAgo(90),
  );
  store.sendMessage(page.id, anna.id, 'Tack, vi kollar med entreprenören.', minutesAgo(80));
  store.receiveMessage(page.id, anna, 'Tack! Kommer de i morgon?', minutesAgo(20));
  store.receiveMessage(
    page.id,
    { id: '7100000000000002', name: 'Mikael Berg' },
    'När öppnar simhallen igen?',
    minutesAgo(45),
  );

  const post = store.addPost(page.id, 'Vintervägunderhåll: så plogar vi i vinter', minutesAgo(600));
  const question = store.addComment(
    post.id,
    { id: '9100000000000001', name: 'Eva Sjöberg' },
    'Plogas Bergsgatan också?',
    { at: minutesAgo(120) },
  );
  store.addComment(post.id, { id: '9100000000000002', name: 'Olle Nyström' }, 'Undrar samma sak', {
    at: minutesAgo(60),
    parentId: question.id,
  });

  const media = store.addMedia(
    instagram.id,
    'Nya lekplatsen i Stadsparken är klar!',
    minutesAgo(300),
  );
  store.addComment(
    media.id,
    { id: '17800000000000011', username: 'lisa.k' },
    'Finns det toaletter där?',
    { at: minutesAgo(30) },
  );
  store.receiveMessage(
    instagram.id,
    { id: '17800000000000012', username: 'johan_s' },
    'Hej, var kan jag hämta sandsäckar?',
    minutesAgo(15),
  );

  await fake.listen(port, process.env.HOST ?? '127.0.0.1');
  console.log(`Fake Graph API on ${fake.url}/${fake.version}`);
  console.log(`  META_GRAPH_URL=${fake.url} META_GRAPH_VERSION=${fake.version}`);
  console.log(
    `  FACEBOOK_PAGE  config {"pageId":"${page.id}"}  secrets {"pageAccessToken":"${page.token}"}`,
  );
  console.log(
    `  INSTAGRAM      config {"igUserId":"${instagram.id}","pageId":"${page.id}"}  secrets {"accessToken":"${instagram.token}"}`,
  );
  report(fake, { pageId: page.id, token: page.token, instagramId: instagram.id });
}

function report(fake: FakeGraphServer, seeded: Record<string, unknown>): void {
  const stop = () => void fake.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  if (!process.send) return;
  process.send({ url: fake.url, version: fake.version, ...seeded });
  process.on('message', (message) => {
    if (message === 'stats') process.send!({ requests: fake.requests.length });
  });
  process.on('disconnect', stop);
}

void main();

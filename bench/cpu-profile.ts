/**
 * A V8 CPU profile of this process around some work (inspector, no restart), and a summary of
 * it: self time by package (node_modules/<name>, node: internals, or the project's own folder)
 * and the hottest functions. Open the .cpuprofile in Chrome DevTools for the whole picture.
 */
import * as fs from 'fs';
import { Session } from 'inspector';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export async function profiled<T>(file: string, work: () => Promise<T>): Promise<T> {
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) =>
      session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result))),
    );
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 200 });
  await post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = (await post('Profiler.stop')) as { profile: Profile };
    fs.writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  }
}

function owner(url: string): string {
  if (!url) return '(native / gc / idle)';
  if (url.startsWith('node:')) return 'node: internals';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  const own = /\/(apps|libs)\/([^/]+)\/src\/([^/]+)/.exec(url);
  return own ? `${own[1]}/${own[2]}/${own[3]}` : url.replace(/^.*\//, '');
}

/** Self time (ms) by owner and by function, hottest first. */
export function summarise(file: string, top = 25): string {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const byOwner = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let total = 0;
  for (const [id, ms] of self) {
    const { callFrame } = byId.get(id)!;
    if (callFrame.functionName === '(idle)') continue;
    total += ms;
    const who = owner(callFrame.url);
    byOwner.set(who, (byOwner.get(who) ?? 0) + ms);
    const fn = `${callFrame.functionName || '(anonymous)'} ${who}:${callFrame.lineNumber + 1}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + ms);
  }
  const lines = (m: Map<string, number>) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(
        ([k, ms]) =>
          `  ${((100 * ms) / total).toFixed(1).padStart(5)}%  ${ms.toFixed(0).padStart(6)} ms  ${k}`,
      )
      .join('\n');
  return `busy ${total.toFixed(0)} ms\nby owner:\n${lines(byOwner)}\nby function:\n${lines(byFunction)}`;
}

if (require.main === module)
  process.stdout.write(`${summarise(process.argv[2], Number(process.argv[3] ?? 25))}\n`);

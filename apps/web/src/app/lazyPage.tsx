import { lazy, Suspense, type ReactNode } from 'react';
import { Loading } from './Loading';

// Each page is its own chunk: the first load carries only the shell and the login page.
export const page = (load: () => Promise<{ default: React.ComponentType }>): ReactNode => {
  const Page = lazy(load);
  return (
    <Suspense fallback={<Loading />}>
      <Page />
    </Suspense>
  );
};
export const named = <K extends string>(module: Promise<Record<K, React.ComponentType>>, name: K) =>
  module.then((m) => ({ default: m[name] }));

/**
 * Pages load on first visit (React.lazy): the bundle a visitor downloads first holds the shell and
 * the page they open, not every page and chart of the dashboard.
 */
import { lazy, Suspense, type ComponentType } from 'react';
import { Loading } from '../components/Loading.tsx';
import { ErrorMessage } from '../components/LiveStatus.tsx';
import { loadPageMessages, useI18n } from '../i18n.tsx';

const RELOADED_KEY = 'sarafan.chunkReload';

/**
 * A page's module could not be fetched: usually a new version was installed while this tab kept the
 * old index.html, whose chunk names no longer exist. Reloads once per address to get the new one;
 * if that does not help either, the page says what failed.
 */
function onLoadFailure(err: unknown): Promise<{ default: ComponentType }> {
  const here = window.location.pathname + window.location.search;
  if (sessionStorage.getItem(RELOADED_KEY) !== here) {
    sessionStorage.setItem(RELOADED_KEY, here);
    window.location.reload();
    return new Promise(() => {}); // the loading placeholder stays until the page is replaced
  }
  const message = err instanceof Error ? err.message : String(err);
  return Promise.resolve({ default: () => <LoadFailed message={message} /> });
}

function LoadFailed({ message }: { message: string }) {
  const { t } = useI18n();
  return <ErrorMessage message={t('shell.error', { message })} />;
}

/**
 * The export `name` of the module `load` imports, as a page component loaded on first render, with a
 * loading placeholder meanwhile. `load` must call import() with a literal path, so the bundler makes that
 * module (and what only it uses) a chunk of its own.
 */
export function lazyPage<M extends Record<K, ComponentType>, K extends keyof M & string>(
  load: () => Promise<M>,
  name: K,
  /** The page writes messages of src/web/messages/enPages.ts: they load with it. */
  opts: { pageMessages?: boolean } = {},
): ComponentType {
  const Page = lazy(() =>
    Promise.all([load(), opts.pageMessages ? loadPageMessages() : undefined]).then(([m]) => {
      sessionStorage.removeItem(RELOADED_KEY);
      return { default: m[name] as ComponentType };
    }, onLoadFailure),
  );
  return function LazyPage() {
    return (
      <Suspense fallback={<Loading />}>
        <Page />
      </Suspense>
    );
  };
}

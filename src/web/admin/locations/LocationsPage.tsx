/** /app/locations: the location tree, editing of the selected location, and CSV import. */
import { useMemo, useState } from 'react';
import { useI18n } from '../../i18n.tsx';
import { useSession } from '../../shell/session.tsx';
import { EmptyState, ErrorMessage, Loading, PageTitle, useLoad } from '../../components/index.ts';
import type { LocationsAnswer } from '../../../core/api/locations.ts';
import { buildTree } from '../../../core/locations/tree.ts';
import { LocationTree } from './LocationTree.tsx';
import { LocationPanel } from './LocationPanel.tsx';
import { CsvImport } from './CsvImport.tsx';

export function LocationsPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const { data, error, loading, reload } = useLoad<LocationsAnswer>('/locations');
  const locations = useMemo(() => data?.locations ?? [], [data]);
  const roots = useMemo(() => buildTree(locations), [locations]);
  const [expanded, setExpanded] = useState<Set<string> | null>(null);
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const editable = can('location.edit');
  // Top levels start open so the structure is visible at a glance.
  const open = expanded ?? new Set(roots.map((r) => r.location.id));
  const selected = locations.find((l) => l.id === selectedId) ?? null;

  const afterChange = async (selectId: string | null, expandId?: string | null) => {
    if (expandId) setExpanded(new Set([...open, expandId]));
    await reload();
    setSelectedId(selectId);
  };

  return (
    <section>
      <PageTitle title={t('loc.title')} />
      <ErrorMessage message={error ? t('shell.error', { message: error.message }) : null} />
      {loading && !data && <Loading lines={5} />}
      {data && locations.length === 0 && (
        <EmptyState title={t('loc.emptyTitle')}><p>{editable ? t('loc.emptyHint') : t('loc.emptyHintReadOnly')}</p></EmptyState>
      )}
      {data && locations.length > 0 && (
        <div className="split">
          <div className="card">
            <h2>{t('loc.structure')}</h2>
            <p id="tree-help" className="muted small">{t('loc.treeHelp')}</p>
            <LocationTree
              roots={roots}
              expanded={open}
              setExpanded={setExpanded}
              focusedId={focusedId}
              setFocusedId={setFocusedId}
              selectedId={selectedId}
              onSelect={setSelectedId}
            />
          </div>
          <div>
            {selected ? (
              <LocationPanel key={selected.id} location={selected} locations={locations} editable={editable}
                onChanged={afterChange} />
            ) : (
              <p className="card muted">{t('loc.selectHint')}</p>
            )}
          </div>
        </div>
      )}
      {editable && data && <CsvImport onImported={() => reload()} />}
    </section>
  );
}

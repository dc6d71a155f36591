import type { ReactNode } from 'react';

/** Tabs over views of one screen; the chosen one is kept in the address by the caller. */
export function Tabs<K extends string>({ label, tabs, current, onChange }: { label: string; tabs: readonly { key: K; label: ReactNode }[]; current: K; onChange: (key: K) => void }) {
  return (
    <div role="tablist" aria-label={label} className="tabs">
      {tabs.map((tab) => (
        <button
          key={tab.key}
          type="button"
          role="tab"
          id={`tab-${tab.key}`}
          aria-selected={tab.key === current}
          aria-controls={`panel-${tab.key}`}
          className={tab.key === current ? 'tab current' : 'tab'}
          onClick={() => onChange(tab.key)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}

export function TabPanel({ id, children }: { id: string; children: ReactNode }) {
  return (
    <div role="tabpanel" id={`panel-${id}`} aria-labelledby={`tab-${id}`}>
      {children}
    </div>
  );
}

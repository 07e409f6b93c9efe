import { ExternalLink } from '@/components/ui/external-link';
import { UnreadableValue } from '@/components/ui/field-value';
import { scopeAddress, type Scope } from '@/lib/read/scope';
import { unreadableValue, type Unreadable } from '@/lib/read/tolerant';

/** The URL a scope serves at: its `domain`, reached over plain http (the local platform's loopback proxies). */
export function scopeUrl(domain: string): string {
  return /^https?:\/\//.test(domain) ? domain : `http://${domain}`;
}

/**
 * Where a scope serves: its `domain`, else the first of its `domains` (nullplatform may send `domain: ""`); its raw
 * value when neither could be read; "—" when it has none.
 */
export function ScopeAddress({ scope }: { scope: Pick<Scope, 'domain' | 'domains'> & Unreadable }) {
  const domain = scopeAddress(scope);
  if (!domain) {
    const raw = unreadableValue(scope, 'domain') ?? unreadableValue(scope, 'domains');
    if (raw !== undefined) return <UnreadableValue value={raw} />;
    return (
      <span className="text-slate-500 dark:text-slate-400" title="No address">
        —
      </span>
    );
  }
  const url = scopeUrl(domain);
  return <ExternalLink href={url}>{url.replace(/^https?:\/\//, '')}</ExternalLink>;
}

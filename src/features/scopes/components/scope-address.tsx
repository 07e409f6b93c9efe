import { ExternalLink } from '@/components/ui/external-link';

/** The URL a scope serves at: its `domain`, reached over plain http (the local platform's loopback proxies). */
export function scopeUrl(domain: string): string {
  return /^https?:\/\//.test(domain) ? domain : `http://${domain}`;
}

export function ScopeAddress({ domain }: { domain: string | null | undefined }) {
  if (!domain) return <span className="text-slate-500 dark:text-slate-400">No address yet</span>;
  const url = scopeUrl(domain);
  return <ExternalLink href={url}>{url.replace(/^https?:\/\//, '')}</ExternalLink>;
}

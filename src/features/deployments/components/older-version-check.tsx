export type OlderVersionCheckProps = {
  semver: string;
  serving: string;
  scopeName: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
};

/**
 * Going back to an older version than the one serving is sometimes the point (a quick way back) and sometimes a
 * mis-click on the wrong row: the dialog asks for a second look before it lets the deployment go.
 */
export function OlderVersionCheck({ semver, serving, scopeName, checked, onChange }: OlderVersionCheckProps) {
  return (
    <div
      className="rounded-md border border-amber-400 bg-amber-50 p-3 text-sm dark:border-amber-700 dark:bg-amber-950/60"
      data-testid="older-version"
    >
      <p className="font-semibold text-amber-900 dark:text-amber-200">
        <span className="font-mono">{semver}</span> is older than <span className="font-mono">{serving}</span>, which{' '}
        {scopeName} serves now.
      </p>
      <label className="mt-2 flex items-center gap-2">
        <input type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} />
        Yes, go back to {semver}
      </label>
    </div>
  );
}

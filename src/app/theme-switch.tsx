import { cn } from '@/lib/cn';
import { themes, useTheme, type Theme } from '@/lib/theme';

const labels: Record<Theme, string> = { system: 'System', light: 'Light', dark: 'Dark' };

/** A three-way radio group (arrow keys move between options, as with any radio group). */
export function ThemeSwitch() {
  const [theme, setTheme] = useTheme();
  return (
    <fieldset className="flex shrink-0 items-center gap-0.5 rounded-md border border-slate-300 p-0.5 text-xs dark:border-slate-600">
      <legend className="sr-only">Theme</legend>
      {themes.map((option) => (
        <label
          key={option}
          className={cn(
            'cursor-pointer rounded px-1.5 py-1 sm:px-2 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-sky-600',
            theme === option
              ? 'bg-slate-800 text-white dark:bg-slate-200 dark:text-slate-900'
              : 'text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800',
          )}
        >
          <input
            type="radio"
            name="theme"
            value={option}
            checked={theme === option}
            onChange={() => setTheme(option)}
            className="sr-only"
          />
          {labels[option]}
        </label>
      ))}
    </fieldset>
  );
}

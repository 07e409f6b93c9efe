import { useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';

import { Button } from '@/components/ui/button';
import { CodeSnippet } from '@/components/ui/code-snippet';
import { Dialog, DialogFooter } from '@/components/ui/dialog';
import { ErrorDetails } from '@/components/ui/error-state';
import { FormError, TextField } from '@/components/ui/field';
import { showToast } from '@/components/ui/toast-store';
import { ApiError } from '@/lib/api-client';
import { cliSnippets } from '@/lib/cli-snippets';
import { cn } from '@/lib/cn';
import type { Build } from '@/lib/read/build';
import type { Release } from '@/lib/read/release';
import { isValidSemver, latestSemver, nextVersions, normalizeSemver, suggestedBump, type Bump } from '@/lib/semver';
import { errorsInPlace } from '@/lib/query-client';

import { useCreateRelease } from '../api/create-release';
import { releaseQueries } from '../api/queries';

export type CreateReleaseDialogProps = {
  build: Build;
  onCreated?: (release: Release) => void;
  /** A smaller button, for a table row. */
  size?: 'sm' | 'md';
  /** Say in the button which build it releases (several on one page). */
  label?: string;
};

const bumps: readonly Bump[] = ['patch', 'minor', 'major'];

/** The client-side check of a version: valid semver, not an existing release of the application. */
export function semverProblem(value: string, taken: ReadonlySet<string>): string | undefined {
  const version = value.trim();
  if (version === '') return 'Enter a version, such as 1.4.0';
  if (!isValidSemver(version))
    return `"${version}" is not a semantic version: use MAJOR.MINOR.PATCH, such as 1.4.0 or v1.4.0`;
  if (taken.has(normalizeSemver(version))) return `${version} is already a release of this application`;
  return undefined;
}

/** Where a server refusal belongs: 409 (taken) and semver complaints go next to the field, the rest above the buttons. */
function isSemverError(error: unknown): boolean {
  return (
    error instanceof ApiError && error.status < 500 && (error.status === 409 || /semver|version/i.test(error.message))
  );
}

/** "Create release" from a successful build: the next semver suggested from the application's latest release. */
export function CreateReleaseButton({ build, onCreated, size = 'md', label }: CreateReleaseDialogProps) {
  const [open, setOpen] = useState(false);
  const ready = build.status === 'successful';
  const hintId = useId();
  return (
    <>
      <Button
        size={size}
        onClick={() => setOpen(true)}
        disabled={!ready}
        aria-describedby={ready ? undefined : hintId}
        aria-label={label}
      >
        Create release
      </Button>
      {!ready && (
        <span id={hintId} className="text-sm text-slate-600 dark:text-slate-400">
          Only a successful build can be released.
        </span>
      )}
      {open && (
        <CreateReleaseDialog
          build={build}
          onOpenChange={setOpen}
          onCreated={(release) => {
            setOpen(false);
            onCreated?.(release);
          }}
        />
      )}
    </>
  );
}

type DialogProps = CreateReleaseDialogProps & { onOpenChange: (open: boolean) => void };

function CreateReleaseDialog({ build, onOpenChange, onCreated }: DialogProps) {
  const versions = useQuery(errorsInPlace(releaseQueries.versions(build.application_id)));
  const existing =
    versions.data?.results.flatMap((release) => (release.semver === undefined ? [] : [release.semver])) ?? [];
  const taken = new Set(existing.map(normalizeSemver));
  const latest = latestSemver(existing);
  const ofThisBuild =
    versions.data?.results.filter((release) => release.build_id === build.id && release.semver !== undefined) ?? [];
  const next = nextVersions(latest);
  const suggested = next[suggestedBump(latest)];

  // Until the user types, the field follows the suggestion (which changes once the releases are loaded).
  const [typed, setTyped] = useState<string | undefined>(undefined);
  const [showProblems, setShowProblems] = useState(false);
  const semver = typed ?? suggested;
  const mutation = useCreateRelease({
    onSuccess: (release) => {
      showToast({
        tone: 'success',
        title: `Release ${release.semver ?? ''} created`,
        description: `From build #${build.id}.`,
      });
      onCreated?.(release);
    },
  });
  const checking = versions.isPending;

  const problem = versions.isPending ? undefined : semverProblem(semver, taken);
  const serverFieldError = isSemverError(mutation.error) ? mutation.error?.message : undefined;
  const fieldError = (showProblems ? problem : undefined) ?? serverFieldError;
  const body = {
    status: 'active' as const,
    build_id: build.id,
    application_id: build.application_id,
    semver: semver.trim(),
  };

  const change = (value: string) => {
    setTyped(value);
    setShowProblems(true);
    mutation.reset();
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setShowProblems(true);
    if (problem || checking) return;
    mutation.mutate(body);
  };

  return (
    <Dialog
      open
      onOpenChange={onOpenChange}
      title={`Create a release from build #${build.id}`}
      description={
        latest ? (
          <>
            The latest release of this application is <span className="font-mono">{latest}</span>.
            {ofThisBuild.length > 0 && (
              <span
                className="mt-1 block font-medium text-amber-800 dark:text-amber-300"
                data-testid="build-has-release"
              >
                Build #{build.id} is already released as {ofThisBuild.map((release) => release.semver).join(', ')}:
                another release of it runs the same code under a new version.
              </span>
            )}
          </>
        ) : versions.isPending ? (
          'Reading the existing releases…'
        ) : (
          'This application has no release yet.'
        )
      }
      size="lg"
    >
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        <fieldset>
          <legend className="text-sm font-medium text-slate-800 dark:text-slate-200">Next version</legend>
          <div className="mt-2 flex flex-wrap gap-2">
            {bumps.map((bump) => (
              <label
                key={bump}
                className={cn(
                  'flex cursor-pointer items-center gap-2 rounded-md border px-3 py-2 text-sm has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-sky-600',
                  semver === next[bump]
                    ? 'border-sky-600 bg-sky-50 dark:border-sky-400 dark:bg-sky-950'
                    : 'border-slate-300 dark:border-slate-600',
                )}
              >
                <input
                  type="radio"
                  name="bump"
                  value={bump}
                  checked={semver === next[bump]}
                  onChange={() => change(next[bump])}
                  disabled={versions.isPending}
                />
                <span className="capitalize">{bump}</span> <span className="font-mono">{next[bump]}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <TextField
          label="Version (semver)"
          name="semver"
          value={semver}
          onChange={(event) => change(event.target.value)}
          error={fieldError}
          hint="MAJOR.MINOR.PATCH, optionally with a pre-release such as 2.0.0-rc.1."
          autoComplete="off"
          spellCheck={false}
          className="font-mono"
        />
        {versions.isError && (
          <FormError>
            Couldn't read the existing releases, so the version can't be checked here (the server still refuses a taken
            one).
            <ErrorDetails error={versions.error} />
          </FormError>
        )}
        {mutation.isError && !serverFieldError && (
          <FormError>
            <ErrorDetails error={mutation.error} />
          </FormError>
        )}
        <CodeSnippet snippet={cliSnippets.createRelease(body)} title="Create this release from the command line" />
        <DialogFooter>
          <Button variant="secondary" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button type="submit" isLoading={mutation.isPending} disabled={checking}>
            Create release {semver.trim() && isValidSemver(semver.trim()) ? semver.trim() : ''}
          </Button>
        </DialogFooter>
      </form>
    </Dialog>
  );
}

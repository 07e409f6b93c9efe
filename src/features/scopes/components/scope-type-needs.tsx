/**
 * What an application needs to run in a scope, per scope type, as nullplatform documents it (reference §4 asset
 * types, §6.2 scope types, §6.5 capabilities), and what the local platform needs. Where no source says what a type
 * requires of the app (EC2 instances, scheduled tasks), this says so and points to nullplatform's docs rather than
 * guessing; EC2 and Lambda are legacy types (reference §6.2, nullplatform's scope types page).
 */
import type { ReactNode } from 'react';

function Code({ children }: { children: ReactNode }) {
  return <code className="font-mono">{children}</code>;
}

type TypeNeeds = { title: string; needs: (healthPath: string) => ReactNode[] };

const byType: Record<string, TypeNeeds> = {
  // The design's deployment guide (Dockerfile, 8080, /health); assets are docker images (reference §4).
  web_pool_k8s: {
    title: 'Kubernetes (web_pool_k8s)',
    needs: (healthPath) => [
      <>
        A <Code>Dockerfile</Code> in the repository: the build's asset is a Docker image.
      </>,
      <>
        The app listens on port <Code>8080</Code>.
      </>,
      <>
        <Code>{healthPath}</Code> answers <Code>200</Code> once the app is ready (the scope's health check).
      </>,
    ],
  },
  // Legacy; no source says what it requires of the app.
  web_pool: {
    title: 'EC2 instances (web_pool, a legacy type)',
    needs: () => ["What the app needs is in nullplatform's docs for this scope type."],
  },
  // Lambda asset type (`np asset push --type lambda`, reference §4; nullplatform/scopes-lambda).
  serverless: {
    title: 'AWS Lambda (serverless, a legacy type)',
    needs: () => [
      <>
        The build's asset is a Lambda asset (type <Code>lambda</Code>), run as a function: no port of its own.
      </>,
    ],
  },
  // Agent-backed scope types (reference §6.2), e.g. nullplatform's Containers scope (nullplatform/scopes
  // k8s/specs/service-spec.json.tpl: asset_type docker-image, main_http_port 8080, health_check HTTP|TCP).
  custom: {
    title: 'Agent-backed scope (custom)',
    needs: () => [
      "Its scope type's own definition says what the app needs.",
      <>
        nullplatform's Containers scope, for one, runs a Docker image, sends requests to port <Code>8080</Code> and
        checks health over HTTP or TCP.
      </>,
    ],
  },
  scheduled_tasks: {
    title: 'Scheduled tasks (scheduled_tasks)',
    needs: () => ["It runs on a schedule; what the task needs is in nullplatform's docs for scheduled tasks."],
  },
};

const otherType: TypeNeeds = {
  title: 'this scope type',
  needs: () => ["What the app needs is in nullplatform's docs for this scope type."],
};

function List({ items, testId }: { items: ReactNode[]; testId: string }) {
  return (
    <ul className="mb-3 list-disc space-y-1 pl-5 text-sm text-slate-700 dark:text-slate-300" data-testid={testId}>
      {items.map((item, index) => (
        <li key={index}>{item}</li>
      ))}
    </ul>
  );
}

/** On nullplatform, for the scope's type. */
export function NullplatformNeeds({ type, healthPath }: { type: string | undefined; healthPath: string }) {
  const needs = (type === undefined ? undefined : byType[type]) ?? otherType;
  return (
    <>
      <h3 className="mb-1 text-sm font-semibold">On nullplatform: {needs.title}</h3>
      <List items={needs.needs(healthPath)} testId="nullplatform-needs" />
    </>
  );
}

/** On the local platform, whatever the scope's type: the engine starts a node app and checks its health path. */
export function LocalPlatformNeeds({ healthPath }: { healthPath: string }) {
  return (
    <>
      <h3 className="mb-1 text-sm font-semibold">On this local platform (any scope type)</h3>
      <List
        testId="local-needs"
        items={[
          <>
            The asset's folder is a Node app: its <Code>package.json</Code> <Code>main</Code>, or <Code>server.js</Code>
            . No Dockerfile is needed.
          </>,
          <>
            It listens on the port in <Code>$PORT</Code> (set per instance).
          </>,
          <>
            <Code>{healthPath}</Code> answers <Code>200</Code> once it is ready: traffic reaches an instance only then.
          </>,
        ]}
      />
    </>
  );
}

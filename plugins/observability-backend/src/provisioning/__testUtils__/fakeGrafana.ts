/*
 * Test support: msw handlers that behave like Grafana's HTTP API for folders and dashboards
 * (`/api/folders`, `/api/dashboards/db`, `/api/dashboards/uid/:uid`, `/api/search`), answering
 * with the documented bodies (see `sinks/grafana/__fixtures__`), including the 412 conflicts and
 * the move to the root folder when `folderUid` is omitted. Server errors can be injected.
 */
import { http, HttpResponse } from 'msw';
import dashboardSaved from '../sinks/grafana/__fixtures__/post-api-dashboards-db-response-200.json';
import nameExists from '../sinks/grafana/__fixtures__/post-api-dashboards-db-response-412-name-exists.json';
import versionMismatch from '../sinks/grafana/__fixtures__/post-api-dashboards-db-response-412-version-mismatch.json';

/** A stored dashboard. */
export interface StoredDashboard {
  model: {
    uid: string;
    title: string;
    description?: string;
    tags?: string[];
    version?: number;
  };
  folderUid: string;
  version: number;
}

/** One request the fake received. */
export interface RecordedRequest {
  method: string;
  path: string;
  body?: unknown;
}

/** The fake's state and handlers. */
export class FakeGrafana {
  readonly folders = new Map<string, string>();
  readonly dashboards = new Map<string, StoredDashboard>();
  readonly requests: RecordedRequest[] = [];
  /** Statuses to answer the next requests with, first first (e.g. `[503, 503]`). */
  readonly failures: number[] = [];

  constructor(readonly url = 'http://grafana.test') {}

  private fail(): Response | undefined {
    const status = this.failures.shift();
    return status === undefined
      ? undefined
      : HttpResponse.json({ message: 'Internal Server Error' }, { status });
  }

  /** Forgets every folder, dashboard, request and pending failure. */
  reset(): void {
    this.folders.clear();
    this.dashboards.clear();
    this.requests.length = 0;
    this.failures.length = 0;
  }

  handlers() {
    const record = async (request: Request) => {
      const url = new URL(request.url);
      const body =
        request.method === 'POST' ? await request.clone().json() : undefined;
      this.requests.push({
        method: request.method,
        path: url.pathname + url.search,
        body,
      });
    };
    return [
      http.get(`${this.url}/api/folders/:uid`, async ({ request, params }) => {
        await record(request);
        const failure = this.fail();
        if (failure) return failure;
        const title = this.folders.get(params.uid as string);
        return title === undefined
          ? HttpResponse.json({ message: 'folder not found' }, { status: 404 })
          : HttpResponse.json({ id: 1, uid: params.uid, title });
      }),
      http.post(`${this.url}/api/folders`, async ({ request }) => {
        await record(request);
        const failure = this.fail();
        if (failure) return failure;
        const { uid, title } = (await request.json()) as {
          uid: string;
          title: string;
        };
        if (this.folders.has(uid)) {
          return HttpResponse.json(
            { message: 'a folder with the same uid already exists' },
            { status: 409 },
          );
        }
        this.folders.set(uid, title);
        return HttpResponse.json({
          id: this.folders.size,
          uid,
          title,
          version: 1,
        });
      }),
      http.post(`${this.url}/api/dashboards/db`, async ({ request }) => {
        await record(request);
        const failure = this.fail();
        if (failure) return failure;
        const body = (await request.json()) as {
          dashboard: StoredDashboard['model'];
          folderUid?: string;
          overwrite?: boolean;
        };
        // Omitting folderUid moves the dashboard to the root folder (DESIGN §6).
        const folderUid = body.folderUid ?? '';
        if (folderUid && !this.folders.has(folderUid)) {
          return HttpResponse.json(
            { message: 'folder not found', status: 'not-found' },
            { status: 400 },
          );
        }
        const { uid, title } = body.dashboard;
        for (const [otherUid, other] of this.dashboards) {
          if (
            otherUid !== uid &&
            other.folderUid === folderUid &&
            other.model.title === title
          ) {
            return HttpResponse.json(nameExists, { status: 412 });
          }
        }
        const existing = this.dashboards.get(uid);
        if (
          existing &&
          !body.overwrite &&
          body.dashboard.version !== existing.version
        ) {
          return HttpResponse.json(versionMismatch, { status: 412 });
        }
        const version = (existing?.version ?? 0) + 1;
        this.dashboards.set(uid, { model: body.dashboard, folderUid, version });
        return HttpResponse.json({
          ...dashboardSaved,
          uid,
          version,
          url: `/d/${uid}`,
        });
      }),
      http.get(
        `${this.url}/api/dashboards/uid/:uid`,
        async ({ request, params }) => {
          await record(request);
          const failure = this.fail();
          if (failure) return failure;
          const stored = this.dashboards.get(params.uid as string);
          return stored
            ? HttpResponse.json({
                dashboard: { ...stored.model, version: stored.version },
                meta: { folderUid: stored.folderUid, provisioned: false },
              })
            : HttpResponse.json(
                { message: 'Dashboard not found' },
                { status: 404 },
              );
        },
      ),
      http.delete(
        `${this.url}/api/dashboards/uid/:uid`,
        async ({ request, params }) => {
          await record(request);
          const failure = this.fail();
          if (failure) return failure;
          const uid = params.uid as string;
          const stored = this.dashboards.get(uid);
          if (!stored) {
            return HttpResponse.json(
              { message: 'Dashboard not found' },
              { status: 404 },
            );
          }
          this.dashboards.delete(uid);
          return HttpResponse.json({
            title: stored.model.title,
            message: 'Dashboard deleted',
            id: 1,
          });
        },
      ),
      http.get(`${this.url}/api/search`, async ({ request }) => {
        await record(request);
        const failure = this.fail();
        if (failure) return failure;
        const params = new URL(request.url).searchParams;
        const tag = params.get('tag');
        const limit = Number(params.get('limit') ?? 1000);
        const page = Number(params.get('page') ?? 1);
        const hits = [...this.dashboards.values()]
          .filter(d => !tag || d.model.tags?.includes(tag))
          .map(d => ({
            uid: d.model.uid,
            title: d.model.title,
            tags: d.model.tags ?? [],
            type: 'dash-db',
            folderUid: d.folderUid,
          }));
        return HttpResponse.json(hits.slice((page - 1) * limit, page * limit));
      }),
    ];
  }
}

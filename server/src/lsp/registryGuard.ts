import { get, type RequestOptions } from 'node:https';
import { DockerRegistryClient } from 'dockerfile-language-service/lib/dockerRegistryClient';

/** The longest a Docker Hub request for tag completion may take. */
export const REGISTRY_TIMEOUT_MS = 4000;

/**
 * dockerfile-language-service completes image tags by asking Docker Hub. Its HTTP helper parses the body inside a
 * stream callback, so a non-JSON answer (a captive portal, a proxy error page) would throw past every handler and
 * end the server, and a silent network would leave the request open. This replaces the helper with one that
 * rejects instead (the service then offers no tags) and gives up after a timeout.
 */
export function hardenRegistryClient(): void {
  const proto = DockerRegistryClient.prototype as unknown as { performHttpsGet(opts: RequestOptions): Promise<unknown> };
  proto.performHttpsGet = (opts: RequestOptions) =>
    new Promise((resolve, reject) => {
      const request = get({ ...opts, timeout: REGISTRY_TIMEOUT_MS }, (response) => {
        if (response.statusCode !== 200) {
          response.resume();
          reject(new Error(`Docker Hub answered ${response.statusCode ?? '?'} ${response.statusMessage ?? ''}`.trim()));
          return;
        }
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          body += chunk;
          if (body.length > 8 * 1024 * 1024) request.destroy(new Error('Docker Hub answer too large'));
        });
        response.on('end', () => {
          try {
            resolve(JSON.parse(body));
          } catch {
            reject(new Error('Docker Hub answered something other than JSON'));
          }
        });
        response.on('error', reject);
      });
      request.on('timeout', () => request.destroy(new Error('Docker Hub did not answer in time')));
      request.on('error', reject);
    });
}

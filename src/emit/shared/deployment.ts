/** What every API kind's Deployment shares: a logical ID that changes whenever the API does. */
import { createHash } from 'node:crypto';

/**
 * `<Api>Deployment<hash>`: CloudFormation creates a Deployment only when its logical ID is new, so the ID
 * carries a short, stable hash of what must redeploy the API when it changes.
 */
export function deploymentId(apiId: string, deployed: unknown): string {
  return `${apiId}Deployment${createHash('sha256').update(JSON.stringify(deployed)).digest('hex').slice(0, 12)}`;
}

import { isIP } from 'node:net';
import path from 'node:path';
import type { Environment } from './environment';

export type BlobStoreConfig =
  | { kind: 'local'; directory: string }
  | {
      kind: 's3';
      bucket: string;
      region: string;
      endpoint?: string;
      forcePathStyle: boolean;
      /** Without these the SDK's own chain (instance role, AWS_* variables) is used. */
      credentials?: { accessKeyId: string; secretAccessKey: string };
    };

export interface AttachmentLimits {
  maxFileBytes: number;
  maxMessageBytes: number;
  /** Sniffed types never stored, lower-case. */
  refusedTypes: string[];
  /** Private or reserved addresses and networks (CIDR) that downloads may reach; none by default. */
  privateNetworksAllowed: string[];
}

/** An IPv4 or IPv6 address, or a network in CIDR notation. */
function isAddressOrNetwork(entry: string): boolean {
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (!family || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/** The blob store and attachment limits; every problem is pushed to `problems`. */
export function blobConfigOf(
  env: Environment,
  problems: string[],
): { blobStore: BlobStoreConfig; attachmentLimits: AttachmentLimits } {
  const attachmentLimits: AttachmentLimits = {
    maxFileBytes: env.ATTACHMENT_MAX_FILE_BYTES,
    maxMessageBytes: env.ATTACHMENT_MAX_MESSAGE_BYTES,
    refusedTypes: env.ATTACHMENT_REFUSED_TYPES.split(',')
      .map((type) => type.trim().toLowerCase())
      .filter(Boolean),
    privateNetworksAllowed: env.ATTACHMENT_DOWNLOAD_PRIVATE_NETWORKS.split(',')
      .map((entry) => entry.trim())
      .filter(Boolean),
  };
  const notNetworks = attachmentLimits.privateNetworksAllowed.filter(
    (entry) => !isAddressOrNetwork(entry),
  );
  if (notNetworks.length > 0) {
    problems.push(
      `ATTACHMENT_DOWNLOAD_PRIVATE_NETWORKS must list IP addresses or CIDR networks, not ${notNetworks.join(', ')}`,
    );
  }
  if (attachmentLimits.maxMessageBytes < attachmentLimits.maxFileBytes) {
    problems.push('ATTACHMENT_MAX_MESSAGE_BYTES must be at least ATTACHMENT_MAX_FILE_BYTES');
  }
  if (env.BLOB_STORE === 'local') {
    return {
      blobStore: { kind: 'local', directory: path.resolve(env.BLOB_DIR) },
      attachmentLimits,
    };
  }
  if (!env.S3_BUCKET) problems.push('BLOB_STORE=s3 needs S3_BUCKET');
  if (Boolean(env.S3_ACCESS_KEY_ID) !== Boolean(env.S3_SECRET_ACCESS_KEY)) {
    problems.push('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set together');
  }
  return {
    blobStore: {
      kind: 's3',
      bucket: env.S3_BUCKET ?? '',
      region: env.S3_REGION,
      endpoint: env.S3_ENDPOINT,
      forcePathStyle: env.S3_FORCE_PATH_STYLE === 'true',
      credentials:
        env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY
          ? { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY }
          : undefined,
    },
    attachmentLimits,
  };
}

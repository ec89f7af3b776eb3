// The open-data part of the bench (issue 15, item 9). Before the load: a dataset published as its
// publisher would publish it (a refresh through the gateway, so the download target serves real rows),
// and a 200,000-row version of the enterprise register's dataset written with the platform's own
// publishing code into the seeded database (an upload that large is refused over HTTP: the body
// limit). After the load: one anonymous download of those 200,000 rows as CSV while the resident memory
// of the gateway and the platform is sampled, to show the download runs in constant memory (target:
// under 100 MB of growth).
import knexFactory from 'knex';
import { readFileSync } from 'node:fs';
import { refreshAsPublisher } from '../scripts/demoOpenData.ts';
import { publishVersion } from '../subgraphs/platform/src/openData/openDataVersions.ts';
import { benchDatabaseUrl, type BenchSettings } from './benchSettings.ts';
import { OPEN_DATA_BENCH_DATASET } from './benchTargets.ts';
import { listProcesses } from './processCpu.ts';

/** The dataset the memory check downloads, and how many rows its bench version holds. */
export const LARGE_DATASET = 'enterprises';
export const LARGE_DATASET_ROWS = 200_000;
const LARGE_DATASET_COLUMNS = ['enterprise_code', 'name', 'address', 'status', 'sector', 'registered_on'];
const SECTORS = 'ABCDEFGHIJKLMNOPQRSTU';

/** The download target's dataset refreshed by the police's publisher, through the gateway (a real publication). */
export async function publishBenchOpenData(gatewayUrl: string): Promise<void> {
  const refreshed = await refreshAsPublisher(gatewayUrl, OPEN_DATA_BENCH_DATASET, 'cong-an-tinh');
  if ('problem' in refreshed) throw new Error(`Publishing ${OPEN_DATA_BENCH_DATASET} for the bench failed: ${refreshed.problem}`);
}

/**
 * The large version, written into the seeded platform database, so every stack's copy holds it: once
 * per bench database (the same rows hash the same: later runs confirm it).
 */
export async function writeLargeOpenDataVersion(settings: BenchSettings): Promise<void> {
  const knex = knexFactory({ client: 'pg', connection: benchDatabaseUrl(settings, 'platform'), pool: { min: 0, max: 2 } });
  try {
    const rows = Array.from({ length: LARGE_DATASET_ROWS }, (_, index) => [
      String(2_000_000_000 + index),
      `Công ty TNHH Thương mại Dịch vụ Số ${index + 1}`,
      `Số ${(index % 480) + 1}, đường Nguyễn Văn Linh, Phường Hiến Nam, Tỉnh Hưng Yên`,
      index % 17 === 0 ? 'dissolved' : 'active',
      SECTORS[index % SECTORS.length],
      `20${String(10 + (index % 16)).padStart(2, '0')}-${String((index % 12) + 1).padStart(2, '0')}-${String((index % 28) + 1).padStart(2, '0')}`,
    ]);
    await publishVersion(knex, { datasetId: LARGE_DATASET, columns: LARGE_DATASET_COLUMNS, rows, how: 'upload', by: 'bench', byAgency: 'so-tai-chinh' });
  } finally {
    await knex.destroy();
  }
}

/** Resident memory (MB) of every process of a process group (a service's node process and anything it starts). */
function groupRssMb(pgid: number): number {
  let kb = 0;
  for (const stat of listProcesses()) {
    if (stat.pgrp !== pgid) continue;
    try {
      const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${stat.pid}/status`, 'utf8'));
      kb += match ? Number(match[1]) : 0;
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return kb / 1024;
}

export interface DownloadMemory {
  dataset: string;
  status: number;
  rows: number;
  bytes: number;
  seconds: number;
  /** Per process: resident memory just before the download, the highest seen during it, and the growth. */
  processes: { name: string; beforeMb: number; peakMb: number; growthMb: number }[];
}

/** One anonymous CSV download of the large dataset, read to the end, memory sampled every 50 ms. */
export async function measureDownloadMemory(gatewayUrl: string, processes: { name: string; pgid: number }[]): Promise<DownloadMemory> {
  const before = processes.map((process) => groupRssMb(process.pgid));
  const peak = [...before];
  const sampler = setInterval(() => {
    processes.forEach((process, index) => {
      peak[index] = Math.max(peak[index], groupRssMb(process.pgid));
    });
  }, 50);
  const started = performance.now();
  let bytes = 0;
  let newlines = 0;
  let status = 0;
  try {
    const response = await fetch(`${gatewayUrl}/open-data/datasets/${LARGE_DATASET}.csv`, { signal: AbortSignal.timeout(600_000) });
    status = response.status;
    for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
      bytes += chunk.byteLength;
      for (const byte of chunk) if (byte === 10) newlines += 1;
    }
  } finally {
    clearInterval(sampler);
  }
  return {
    dataset: LARGE_DATASET,
    status,
    // CRLF line ends: every row and the header end in one newline.
    rows: Math.max(0, newlines - 1),
    bytes,
    seconds: (performance.now() - started) / 1000,
    processes: processes.map((process, index) => ({ name: process.name, beforeMb: before[index], peakMb: peak[index], growthMb: peak[index] - before[index] })),
  };
}

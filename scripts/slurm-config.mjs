// Folders and slurm.conf of the single-node test Slurm (scripts/slurm.mjs): everything of
// one instance lives in its own folder with its own ports, so it never touches a system Slurm.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function slurmPaths(options = {}) {
  const dir = path.resolve(
    options.dir ?? (process.env.FIRN_SLURM_DIR || path.join(repoRoot, '.firn', 'slurm')),
  );
  const port = Number(options.port ?? (process.env.FIRN_SLURM_PORT || 16817));
  return { dir, port, conf: path.join(dir, 'slurm.conf'), node: os.hostname().split('.')[0] };
}

export function writeConfig({ dir, port, conf, node }) {
  for (const sub of ['state', 'spool']) fs.mkdirSync(path.join(dir, sub), { recursive: true });
  const memKb = Number(/MemTotal:\s+(\d+)/.exec(fs.readFileSync('/proc/meminfo', 'utf8'))[1]);
  // A little below the total: slurmd drains a node that has less memory than configured.
  const realMemoryMb = Math.floor((memKb / 1024) * 0.95);
  const at = (name) => path.join(dir, name);
  const lines = [
    'ClusterName=firn-test',
    `SlurmctldHost=${node}(127.0.0.1)`,
    'SlurmUser=root',
    'SlurmdUser=root',
    'AuthType=auth/munge',
    'CredType=cred/munge',
    `SlurmctldPort=${port}`,
    `SlurmdPort=${port + 1}`,
    `StateSaveLocation=${at('state')}`,
    `SlurmdSpoolDir=${at('spool')}`,
    `SlurmctldPidFile=${at('slurmctld.pid')}`,
    `SlurmdPidFile=${at('slurmd.pid')}`,
    `SlurmctldLogFile=${at('slurmctld.log')}`,
    `SlurmdLogFile=${at('slurmd.log')}`,
    // No cgroups in containers: plain process tracking, no task binding.
    'ProctrackType=proctrack/linuxproc',
    'TaskPlugin=task/none',
    'SelectType=select/cons_tres',
    'SelectTypeParameters=CR_Core_Memory',
    'MpiDefault=none',
    'JobAcctGatherType=jobacct_gather/none',
    'AccountingStorageType=accounting_storage/none',
    // No slurmdbd (sacct): finished jobs stay in `scontrol show job` 10 min and go to this file.
    'JobCompType=jobcomp/filetxt',
    `JobCompLoc=${at('jobcomp.txt')}`,
    'MinJobAge=600',
    'ReturnToService=2',
    'SchedulerType=sched/backfill',
    `NodeName=${node} NodeAddr=127.0.0.1 CPUs=${os.availableParallelism()} RealMemory=${realMemoryMb} State=UNKNOWN`,
    `PartitionName=debug Nodes=${node} Default=YES MaxTime=INFINITE State=UP`,
  ];
  fs.writeFileSync(conf, `${lines.join('\n')}\n`);
}

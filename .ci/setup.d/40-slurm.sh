# A single-node Slurm (slurmctld + slurmd on this host) for the Slurm executor's integration test
# (docs/ARCHITECTURE.md, Tests). Exports WORKBENCH_TEST_SLURM=1 when `sinfo` shows the node idle.
if ! command -v slurmctld >/dev/null 2>&1; then
  apt-get install -y -qq slurm-wlm munge >/dev/null 2>&1 || echo "ci: could not install slurm-wlm/munge; Slurm tests will be skipped"
fi
if command -v slurmctld >/dev/null 2>&1; then
  slurm_host=$(hostname -s)
  mkdir -p /etc/munge /var/spool/slurmctld /var/spool/slurmd /var/log/slurm /run/munge /etc/slurm
  [ -f /etc/munge/munge.key ] || dd if=/dev/urandom bs=1 count=1024 of=/etc/munge/munge.key 2>/dev/null
  chown -R munge:munge /etc/munge /run/munge; chmod 400 /etc/munge/munge.key
  cat > /etc/slurm/slurm.conf <<CONF
ClusterName=local
SlurmctldHost=$slurm_host
SlurmUser=root
AuthType=auth/munge
StateSaveLocation=/var/spool/slurmctld
SlurmdSpoolDir=/var/spool/slurmd
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SlurmctldLogFile=/var/log/slurm/slurmctld.log
SlurmdLogFile=/var/log/slurm/slurmd.log
NodeName=$slurm_host CPUs=$(nproc) RealMemory=8000 State=UNKNOWN
PartitionName=debug Nodes=$slurm_host Default=YES MaxTime=INFINITE State=UP
CONF
  pgrep -x munged >/dev/null || munged --force
  pgrep -x slurmctld >/dev/null || slurmctld
  pgrep -x slurmd >/dev/null || slurmd
  for _ in $(seq 1 20); do
    if sinfo -h -o %t 2>/dev/null | grep -qE 'idle|mix|alloc'; then export WORKBENCH_TEST_SLURM=1; break; fi
    sleep 1
  done
  [ "${WORKBENCH_TEST_SLURM:-}" = 1 ] && echo "ci: slurm up ($(sinfo -h -o '%P %t' | head -1))" || echo "ci: slurm did not come up; Slurm tests will be skipped"
fi

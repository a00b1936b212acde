#!/usr/bin/env bash
# Starts a throwaway OpenSSH SFTP test server on 127.0.0.1 only, laid out like OCLC's data sync SFTP folders.
# Needs the Debian package openssh-server and root (the test user and the chroot are created here).
# Usage: start-sftp.sh WORKDIR [PORT]     (default port 22220)
#   CHROOT (/srv/oclc-sftp-test/PORT; sshd refuses a chroot under a world-writable folder such as /tmp)
#          CHROOT/xfer/metacoll/in/{bib,lhr}, out/ongoing/{new,updates,deletes}, reports: writable by the user,
#          CHROOT/xfer/readonly a folder the user may not write (permission-denied faults)
#          CHROOT/xfer/full     a 256 KiB tmpfs the user may write (full-disk faults; left out where mount fails)
#   WORKDIR/host_ed25519   the throwaway host key;  WORKDIR/user_key  the user's private key (no passphrase)
#   WORKDIR/user_key_enc   a second authorized key, protected by the passphrase KEY_PASSPHRASE
#   WORKDIR/env            USER=, PASSWORD=, PORT=, KEY=, KEY_ENC=, KEY_PASSPHRASE=, FINGERPRINT= (SHA256 of the
#                          host key), ROOT= (the chroot), FULL= (the full-disk folder, empty when not mounted)
# The test user is per port (oclcsftp<PORT>), so servers on two ports do not reset each other's password.
# Stop: stop-sftp.sh WORKDIR
set -euo pipefail
if [ $# -lt 1 ]; then echo "usage: $0 WORKDIR [PORT]" >&2; exit 2; fi
WORKDIR=$(mkdir -p "$1" && cd "$1" && pwd)
PORT=${2:-22220}
CHROOT=/srv/oclc-sftp-test/$PORT
SSHD=$(command -v sshd || echo /usr/sbin/sshd)
[ -x "$SSHD" ] || { echo "start-sftp.sh: sshd not found (apt-get install openssh-server)" >&2; exit 3; }
[ "$(id -u)" = 0 ] || { echo "start-sftp.sh: needs root (creates the test user and the chroot)" >&2; exit 3; }
if [ -s "$WORKDIR/sshd.pid" ] && kill -0 "$(cat "$WORKDIR/sshd.pid")" 2>/dev/null; then
  echo "start-sftp.sh: already running (pid $(cat "$WORKDIR/sshd.pid"))" >&2; exit 4
fi

TESTUSER=oclcsftp$PORT
PASSWORD=Test-Passw0rd-$RANDOM$RANDOM
PASSPHRASE=Key-Phrase-$RANDOM$RANDOM
id "$TESTUSER" >/dev/null 2>&1 || useradd --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$TESTUSER"
echo "$TESTUSER:$PASSWORD" | chpasswd

if mountpoint -q "$CHROOT/xfer/full" 2>/dev/null; then umount "$CHROOT/xfer/full"; fi
rm -rf "$CHROOT" "$WORKDIR/host_ed25519"* "$WORKDIR/user_key"* "$WORKDIR/authorized_keys"
mkdir -p "$CHROOT" /run/sshd
chown root:root /srv /srv/oclc-sftp-test "$CHROOT"; chmod 755 /srv/oclc-sftp-test "$CHROOT"
mkdir -p "$CHROOT/xfer/metacoll/in/bib" "$CHROOT/xfer/metacoll/in/lhr" "$CHROOT/xfer/metacoll/reports"
for sub in new updates deletes; do mkdir -p "$CHROOT/xfer/metacoll/out/ongoing/$sub"; done
mkdir -p "$CHROOT/xfer/readonly"
chown -R "$TESTUSER" "$CHROOT/xfer"
chown root:root "$CHROOT/xfer/readonly"; chmod 755 "$CHROOT/xfer/readonly"
FULL=
mkdir -p "$CHROOT/xfer/full"
if mount -t tmpfs -o size=256k,mode=755 tmpfs "$CHROOT/xfer/full" 2>/dev/null; then
  chown "$TESTUSER" "$CHROOT/xfer/full"; FULL=/xfer/full
else
  echo "start-sftp.sh: cannot mount a tmpfs at $CHROOT/xfer/full (no mount rights); full-disk tests will skip" >&2
fi

ssh-keygen -q -t ed25519 -N '' -f "$WORKDIR/host_ed25519"
ssh-keygen -q -t rsa -b 2048 -m PEM -N '' -f "$WORKDIR/user_key"
ssh-keygen -q -t ed25519 -N "$PASSPHRASE" -f "$WORKDIR/user_key_enc"
cat "$WORKDIR/user_key.pub" "$WORKDIR/user_key_enc.pub" > "$WORKDIR/authorized_keys"; chmod 644 "$WORKDIR/authorized_keys"
chmod 600 "$WORKDIR/user_key" "$WORKDIR/user_key_enc"
FINGERPRINT=$(ssh-keygen -l -E sha256 -f "$WORKDIR/host_ed25519.pub" | awk '{print $2}')

cat > "$WORKDIR/sshd_config" <<CFG
Port $PORT
ListenAddress 127.0.0.1
HostKey $WORKDIR/host_ed25519
PidFile $WORKDIR/sshd.pid
UsePAM yes
PasswordAuthentication yes
KbdInteractiveAuthentication no
PubkeyAuthentication yes
AuthorizedKeysFile $WORKDIR/authorized_keys
StrictModes no
AllowUsers $TESTUSER
Subsystem sftp internal-sftp
Match User $TESTUSER
  ChrootDirectory $CHROOT
  ForceCommand internal-sftp
  AllowTcpForwarding no
CFG
cat > "$WORKDIR/env" <<ENV
USER=$TESTUSER
PASSWORD=$PASSWORD
PORT=$PORT
KEY=$WORKDIR/user_key
KEY_ENC=$WORKDIR/user_key_enc
KEY_PASSPHRASE=$PASSPHRASE
FINGERPRINT=$FINGERPRINT
ROOT=$CHROOT
FULL=$FULL
ENV
chmod 644 "$WORKDIR/env"
"$SSHD" -t -f "$WORKDIR/sshd_config"
"$SSHD" -f "$WORKDIR/sshd_config" -E "$WORKDIR/sshd.log"

for _ in $(seq 1 100); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
    echo "SFTP test server: sftp://$TESTUSER@127.0.0.1:$PORT (pid $(cat "$WORKDIR/sshd.pid" 2>/dev/null), host key $FINGERPRINT)"
    exit 0
  fi
  sleep 0.1
done
echo "start-sftp.sh: sshd did not answer on 127.0.0.1:$PORT; see $WORKDIR/sshd.log" >&2
exit 1

#!/usr/bin/env bash
# Assembles the image's root file system in DIR without a container daemon or a registry (none is reachable here):
#   - the C and C++ runtime the JVM links against, file for file from the Debian packages installed on this machine
#     (dpkg -L: libc6, libgcc-s1, libstdc++6, zlib1g; symlinks resolved, documentation left out);
#   - a Java runtime made by jlink from this JDK's jmods, with the modules mirrordrill uses (jdeps on the CLI jar,
#     plus those reached by reflection or service loading: jdk.unsupported, jdk.crypto.ec for TLS, jdk.zipfs for the
#     built-in drills inside the jar, jdk.management for metrics);
#   - the C.UTF-8 locale of libc-bin (LANG=C.UTF-8 in the image's environment);
#   - /etc/passwd and /etc/group with the unprivileged user 65532 the Deployment runs as, nsswitch.conf for name
#     lookups, and /tmp.
# Usage: rootfs.sh DIR
set -euo pipefail
out=$1
packages=(libc6 libgcc-s1 libstdc++6 zlib1g)
modules=java.base,java.desktop,java.instrument,java.logging,java.management,java.naming,java.net.http,java.rmi
modules=$modules,java.security.jgss,java.sql,java.xml,jdk.crypto.ec,jdk.httpserver,jdk.management,jdk.unsupported
modules=$modules,jdk.zipfs

for tool in dpkg-query jlink; do
  if ! command -v "$tool" >/dev/null 2>&1 && [ ! -x "${JAVA_HOME:-/nonexistent}/bin/$tool" ]; then
    echo "rootfs.sh: $tool is missing: the image is assembled from Debian's packages and a JDK's jmods" >&2
    exit 2
  fi
done
jlink=jlink
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/jlink" ]; then jlink="$JAVA_HOME/bin/jlink"; fi

# the same inputs (this script, the packages' versions, the JDK) make the same tree: kept from the last build
stamp="$(sha256sum "$0" | cut -d' ' -f1) $(dpkg-query -W -f='${Package}=${Version} ' "${packages[@]}") $("$jlink" --version)"
if [ -f "$out.stamp" ] && [ "$(cat "$out.stamp")" = "$stamp" ] && [ -x "$out/opt/java/bin/java" ]; then
  echo "rootfs.sh: $out is up to date"
  exit 0
fi
rm -rf "$out" "$out.stamp"
mkdir -p "$out"
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    echo "rootfs.sh: the Debian package $p is not installed (apt-get install $p)" >&2
    exit 2
  fi
  dpkg-query -L "$p" | while IFS= read -r f; do
    case "$f" in
      /usr/share/doc*|/usr/share/lintian*|/usr/share/gcc*|/usr/share/gdb*|/etc/ld.so.conf.d*) continue ;;
    esac
    if [ -f "$f" ]; then
      mkdir -p "$out$(dirname "$f")"
      cp -L "$f" "$out$f"
    fi
  done
done

# the C.UTF-8 locale (libc-bin's), so that LANG=C.UTF-8 holds and Java writes UTF-8 to a pipe or a log
if [ -d /usr/lib/locale/C.utf8 ]; then
  mkdir -p "$out/usr/lib/locale"
  cp -r /usr/lib/locale/C.utf8 "$out/usr/lib/locale/"
else
  echo "rootfs.sh: /usr/lib/locale/C.utf8 is missing (Debian's libc-bin has it)" >&2
  exit 2
fi

"$jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=2 \
  --output "$out/opt/java"

mkdir -p "$out/etc" "$out/tmp" "$out/home/mirrordrill"
printf 'root:x:0:0:root:/root:/sbin/nologin\nmirrordrill:x:65532:65532:mirrordrill:/home/mirrordrill:/sbin/nologin\n' \
  > "$out/etc/passwd"
printf 'root:x:0:\nmirrordrill:x:65532:\n' > "$out/etc/group"
printf 'passwd: files\ngroup: files\nhosts: files dns\n' > "$out/etc/nsswitch.conf"
printf '127.0.0.1 localhost\n::1 localhost\n' > "$out/etc/hosts"
echo "$stamp" > "$out.stamp"
echo "rootfs.sh: $(du -sh "$out" | cut -f1) in $out"

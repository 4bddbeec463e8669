#!/usr/bin/env bash
# Install a built bundle for the current user (no root): the program to ~/.local/lib/orderdesk,
# `orderdesk` on the PATH (~/.local/bin), the menu entry and the hicolor icons.
#
#   bash packaging/linux/install_user.sh [BUNDLE]        (default: dist/orderdesk)
#   bash packaging/linux/install_user.sh --uninstall
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
target=$HOME/.local/lib/orderdesk
sizes=(16 32 48 64 128 256)

if [ "${1:-}" = "--uninstall" ]; then
  rm -rf "$target" "$HOME/.local/bin/orderdesk" "$data/applications/orderdesk.desktop"
  for size in "${sizes[@]}"; do
    rm -f "$data/icons/hicolor/${size}x${size}/apps/orderdesk.png"
  done
  rm -f "$data/icons/hicolor/scalable/apps/orderdesk.svg"
  echo "OrderDesk removed"
  exit 0
fi

bundle=${1:-$root/dist/orderdesk}
[ -x "$bundle/orderdesk" ] || { echo "no bundle in $bundle: build it first" >&2; exit 1; }
rm -rf "$target"
mkdir -p "$(dirname "$target")" "$HOME/.local/bin"
cp -a "$bundle" "$target"
ln -sf "$target/orderdesk" "$HOME/.local/bin/orderdesk"
install -Dm644 "$here/orderdesk.desktop" "$data/applications/orderdesk.desktop"
for size in "${sizes[@]}"; do
  install -Dm644 "$root/resources/icons/orderdesk-$size.png" \
    "$data/icons/hicolor/${size}x${size}/apps/orderdesk.png"
done
install -Dm644 "$root/resources/icons/orderdesk.svg" "$data/icons/hicolor/scalable/apps/orderdesk.svg"
command -v update-desktop-database >/dev/null && update-desktop-database -q "$data/applications" || true
echo "OrderDesk installed in $target; start it from the menu or with: orderdesk"

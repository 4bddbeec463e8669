#!/usr/bin/env bash
# Build the Linux one-folder bundle and smoke-test it without Python:
#
#   bash packaging/build_linux.sh
#
# 1. installs what the build needs: apt packages when missing (as root with apt-get), the
#    project's dependencies and its `package` extra (PyInstaller) from pyproject.toml — not
#    the project itself: PyInstaller takes desktop_app from this checkout;
# 2. builds dist/orderdesk with packaging/orderdesk.spec (translations compiled on the way);
# 3. runs `dist/orderdesk/orderdesk --self-test` in an emptied environment (env -i, only
#    PATH=/usr/bin:/bin and a fresh HOME): no Python, virtualenv or PYTHON* variable helps it.
# Prints the build time and the bundle's size. CI (.ci/run) calls it after the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
python=${PYTHON:-python}

# PyInstaller reads shared-library dependencies with ldd/objdump; the self-test needs the
# libraries Qt's offscreen platform loads (the bundle carries Qt itself, not these).
packages=(binutils libc-bin libegl1 libgl1 libglib2.0-0 libfontconfig1 libfreetype6
          libxkbcommon0 libdbus-1-3 fonts-dejavu-core)
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  missing=()
  for package in "${packages[@]}"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      "${missing[@]}" >/dev/null
  fi
fi

mapfile -t requirements < <("$python" - <<'PY'
import tomllib
project = tomllib.load(open("pyproject.toml", "rb"))["project"]
print("\n".join([*project["dependencies"], *project["optional-dependencies"]["package"]]))
PY
)
"$python" -m pip install -q --disable-pip-version-check --root-user-action=ignore \
  "${requirements[@]}"

version=$("$python" -c "import desktop_app; print(desktop_app.__version__)")
echo "building OrderDesk $version"
"$python" -m PyInstaller --noconfirm --log-level WARN --distpath dist \
  --workpath build/pyinstaller packaging/orderdesk.spec
built=$(date +%s)

bundle=dist/orderdesk
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
echo "self-test of the bundle (env -i PATH=/usr/bin:/bin HOME=$home):"
set +e
output=$(env -i PATH=/usr/bin:/bin HOME="$home" "$bundle/orderdesk" --self-test 2>&1)
status=$?
set -e
echo "$output"
if [ $status -ne 0 ]; then
  echo "the bundle's self-test failed (exit $status)" >&2
  exit 1
fi
if ! grep -q "self-test (linux, bundle, " <<<"$output"; then
  echo "the self-test did not run from the bundle" >&2
  exit 1
fi
finished=$(date +%s)
echo "OrderDesk $version bundle: $(du -sh "$bundle" | cut -f1) in $bundle," \
  "$(find "$bundle" -type f | wc -l) files; build $((built - started)) s," \
  "total with self-test $((finished - started)) s"

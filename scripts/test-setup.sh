#!/usr/bin/env bash
# What the test suite needs besides Java and Maven, installed when missing (idempotent, quick when
# everything is there). Sourced by `./vernissage test` and by .ci/run.
#  - headless OpenGL: Mesa's EGL and its software rasteriser (llvmpipe);
#  - real OSC peers for the interop tests: liblo's oscsend/oscsendfile/oscdump, and osc.js on node
#    (pinned in interop/package-lock.json, installed here, never while the tests run);
#  - headless Chromium for the audience page's browser test (PhonePageBrowserTest);
#  - an X server without a display (Xvfb, with xauth) for the venue's two-window test (TwoWindowsXvfbTest);
#  - exiftool, the standard reader the provenance marks in PNG captures are checked with;
#  - unshare (util-linux) and ip (iproute2) for the network-namespace tests (SovereignShowTest,
#    MdnsMulticastTest), gcc for the native test libraries some tests build.
# System packages need root (or sudo); without them it says what to install and goes on.
test_setup() {
  local root="$1" need=()
  [ -e /usr/lib/x86_64-linux-gnu/libEGL.so.1 ] || need+=(libegl1)
  [ -e /usr/lib/x86_64-linux-gnu/libEGL_mesa.so.0 ] || need+=(libegl-mesa0)
  ls /usr/lib/x86_64-linux-gnu/dri/swrast_dri.so >/dev/null 2>&1 || need+=(libgl1-mesa-dri)
  [ -e /usr/lib/x86_64-linux-gnu/libgbm.so.1 ] || need+=(libgbm1)
  command -v mvn >/dev/null || need+=(maven)
  { command -v oscsend && command -v oscdump; } >/dev/null || need+=(liblo-tools)
  command -v node >/dev/null || need+=(nodejs)
  command -v npm >/dev/null || need+=(npm)
  command -v chromium >/dev/null || need+=(chromium)
  command -v Xvfb >/dev/null || need+=(xvfb)
  command -v xauth >/dev/null || need+=(xauth)
  command -v exiftool >/dev/null || need+=(libimage-exiftool-perl)
  command -v unshare >/dev/null || need+=(util-linux)
  command -v ip >/dev/null || need+=(iproute2)
  command -v gcc >/dev/null || need+=(gcc libc6-dev)
  if [ ${#need[@]} -gt 0 ]; then
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="$(command -v sudo || true)"
    if [ "$(id -u)" -eq 0 ] || [ -n "$sudo" ]; then
      echo "vernissage: installing what the tests need: ${need[*]}" >&2
      export DEBIAN_FRONTEND=noninteractive
      $sudo apt-get update -q >&2
      $sudo apt-get install -y -q --no-install-recommends "${need[@]}" >&2
    else
      echo "vernissage: the tests need these packages, please install them: ${need[*]}" >&2
    fi
  fi
  if [ ! -d "$root/interop/node_modules/osc" ] && command -v npm >/dev/null; then
    echo "vernissage: installing osc.js for the interop tests (interop/package-lock.json)" >&2
    npm ci --prefix "$root/interop" --no-audit --no-fund --loglevel=error >&2
  fi
}

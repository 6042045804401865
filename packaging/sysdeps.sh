#!/usr/bin/env bash
# Installs the system libraries Qt (and the test tools) need, only when they are missing.
# As root it runs apt-get; otherwise it prints the exact command to run.
set -euo pipefail
what=${1:-run}

# Libraries the PySide6 wheels load at start (xcb platform plugin and offscreen).
qt_pkgs=(libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3
         libglib2.0-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
         libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xfixes0 libxcb-xkb1
         libnss3 libxcomposite1 libxdamage1 libxrandr2 libxtst6 fonts-dejavu-core)
# Tools the tests use: a real X server, independent ICS parsers (libical through GObject
# introspection), the freedesktop validators, libfaketime for `make test-dates`, Dovecot (the
# IMAP server the mail tests read answers from), gnome-keyring on a D-Bus session (the
# Secret Service the keyring tests store a password in) and poppler's pdftotext and pdftoppm
# (the agenda's PDF is read back as text and as a picture).
test_pkgs=(xvfb xauth x11-utils xdotool gir1.2-ical-3.0 python3-gi desktop-file-utils appstream
           faketime dovecot-imapd gnome-keyring dbus-daemon poppler-utils)

# `make screenshots`: the X screen is captured with ImageMagick's import, under a window
# manager (title bars and dialogs placed as on a desktop).
shot_pkgs=(imagemagick openbox)

pkgs=("${qt_pkgs[@]}")
[ "$what" = test ] && pkgs+=("${test_pkgs[@]}")
[ "$what" = screenshots ] && pkgs+=("${test_pkgs[@]}" "${shot_pkgs[@]}")
# ical.js runs on node and is installed with npm (tests/interop/package.json); a machine may
# have them from another source than Debian's packages: only a missing command is installed.
if [ "$what" = test ]; then
  command -v node >/dev/null 2>&1 || pkgs+=(nodejs)
  command -v npm >/dev/null 2>&1 || pkgs+=(npm)
fi

command -v dpkg-query >/dev/null 2>&1 || exit 0   # not Debian/Ubuntu: nothing we can check
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  echo "Installing system packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "closer_desk needs these system packages; run:" >&2
  echo "  sudo apt-get install ${missing[*]}" >&2
  exit 1
fi

#!/bin/sh
# Installs the Debian/Ubuntu packages Qt needs to run (offscreen and in a real
# window under Xvfb, driven by xdotool in the real-window tests) and the PDF
# tools the tests use. Needs root.
#
# Then, if it can, the fonts the PDF falls back on for what the bundled DejaVu
# Sans lacks (tests/export/test_pdf_scripts.py checks their glyphs when they
# are here, and the export's warning when they are not): WenQuanYi Micro Hei
# for Chinese, Japanese and Korean (about 5 MB installed) and Symbola for
# emoji (about 3 MB). Both are TrueType outlines, which reportlab embeds
# (Noto CJK and Noto Color Emoji are not). A release without them does not
# stop the script.
set -eu
PACKAGES="libegl1 libgl1 libglib2.0-0 libfontconfig1 libfreetype6 libx11-6 \
libxkbcommon0 libdbus-1-3 \
xvfb xauth libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 \
libxcb-keysyms1 libxcb-render-util0 libxcb-render0 libxcb-shape0 libxcb-util1 \
libxcb-xkb1 xdotool \
poppler-utils fonts-dejavu-core git"
FONTS="fonts-wqy-microhei fonts-symbola"
if [ "$(id -u)" -ne 0 ]; then
    echo "Run as root: apt-get update && apt-get install -y $PACKAGES $FONTS" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
# shellcheck disable=SC2086
apt-get install -y -q --no-install-recommends $PACKAGES
# shellcheck disable=SC2086
apt-get install -y -q --no-install-recommends $FONTS ||
    echo "Fallback fonts not installed ($FONTS): the PDF will name the texts it prints as boxes." >&2

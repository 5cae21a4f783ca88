#!/bin/sh
# Adds fleet users to a Mosquitto password file (created if missing, mode 600):
# for each user a random password is generated, stored hashed, and printed
# once on stdout as "<user> <password>" for provisioning. Run it again for a
# user to give it a new password.
#
#   tools/mosquitto/add-users.sh /etc/mosquitto/tickswap/passwd operator wheelie-7 wheelie-8
#
# Robots log in with their robot id as user name. (mosquitto_passwd -b takes the
# password as an argument, visible to other local users for an instant: run this
# on a provisioning machine, not a shared one.)
set -eu

if [ $# -lt 2 ]; then
  echo "usage: $0 <password-file> <user>..." >&2
  exit 2
fi
if ! command -v mosquitto_passwd >/dev/null 2>&1; then
  echo "$0: mosquitto_passwd not found; install Mosquitto (Debian: apt-get install mosquitto)" >&2
  exit 1
fi

file=$1
shift
for user in "$@"; do
  case $user in
    '' | [._-]* | *[!A-Za-z0-9._-]*)
      echo "$0: '$user' cannot be a fleet user: use 1 to 64 of A-Z a-z 0-9 . _ -, starting with a letter or digit" >&2
      exit 2
      ;;
  esac
  if [ ${#user} -gt 64 ]; then
    echo "$0: '$user' is longer than 64 characters" >&2
    exit 2
  fi
done

if [ ! -e "$file" ]; then
  (umask 077 && : >"$file")
fi
for user in "$@"; do
  password=$(head -c 18 /dev/urandom | base64 | tr '+/' '-_')
  mosquitto_passwd -b "$file" "$user" "$password"
  printf '%s %s\n' "$user" "$password"
done

#!/bin/bash
# Each mistake a careful reader of an agreement would catch gives exactly
# one finding, of the check made for it, about the right declaration, and
# nothing else.
#
# Every case starts from the clean example examples/shape_up_somerville.charter
# (no finding under --strict), makes one mistake in it with a sed script, and
# compares the (check, subject) pairs of `check --strict --format json`
# with the one pair the case expects.  A last case runs the clean example
# itself, which must give nothing.
# Ends with "N passed, N failed"; exits 1 on a failure.
top=$(cd "$(dirname "$0")/../.." && pwd)
CHARTERC=${CHARTERC:-$top/build/bin/charterc}
base=$top/examples/shape_up_somerville.charter
pass=0
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

pairs() {
  sed -n 's/^ *{ "check": "\([^"]*\)",.*, "subject": "\([^"]*\)", "message": .*/\1 \2/p' "$1"
}

# mistake NAME "CHECK SUBJECT" SED-SCRIPT
mistake() {
  local name=$1 want=$2 script=$3
  sed "$script" "$base" >"$tmp/$name.charter"
  if cmp -s "$base" "$tmp/$name.charter"; then
    fail=$((fail + 1)); echo "FAIL $name: the sed script changed nothing"; return
  fi
  "$CHARTERC" check --strict --format json "$tmp/$name.charter" >"$tmp/$name.json" 2>"$tmp/$name.err"
  pairs "$tmp/$name.json" >"$tmp/$name.got"
  printf '%s\n' "$want" | sed '/^$/d' >"$tmp/$name.want"
  if diff -u "$tmp/$name.want" "$tmp/$name.got" >"$tmp/$name.diff"; then
    pass=$((pass + 1)); echo "ok   $name"
  else
    fail=$((fail + 1)); echo "FAIL $name"; cat "$tmp/$name.diff" "$tmp/$name.err"
  fi
}

mistake clean "" 's/^# It must compile.*/# unchanged/'
mistake term_inverted "schedule_inversion agreement shape_up_somerville" \
  's/term 2002-09-01 to 2005-08-31/term 2005-08-31 to 2002-09-01/'
mistake same_organisation_twice "duplicate_partner partner parents" \
  's/partner restaurants "Somerville Restaurant Association"/partner restaurants "Somerville Parent  Network"/'
mistake reporter_twice "listed_twice indicator overweight_share" \
  's/  reported_by public_schools, tufts$/  reported_by public_schools, tufts, public_schools/'
mistake lead_among_partners "listed_twice activity clinician_training" \
  '/^activity clinician_training/,/^}/s/  partners public_schools/  partners public_schools, tufts/'
mistake report_to_itself "report_to_self agreement shape_up_somerville" \
  's/every year by tufts to all/every year by tufts to tufts/'
mistake negative_baseline "negative_count indicator walkers" \
  's/baseline 350 on 2002-09-01/baseline -350 on 2002-09-01/'
mistake negative_commitment "negative_count partner health_fund" \
  's/commits 150_000 USD/commits -150_000 USD/'
mistake zero_hours "empty_commitment partner sus_office" \
  's/commits 3_000 hours/commits 0 hours/'
mistake zero_budget "empty_commitment activity park_upgrades" \
  's/budget 600 hours/budget 0 hours/'
mistake incentive_no_interest "incentive_without_interest partner health_fund" \
  '/incentive model "Fund a prevention model/{n;d}'
mistake activity_no_period "activity_unscheduled activity walk_to_school" \
  '/^activity walk_to_school/,/^}/{/period/d}'

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]

sh ./_conflicts.sh listed_twice_ok.charter

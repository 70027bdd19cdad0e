sh ./_conflicts.sh listed_twice.charter

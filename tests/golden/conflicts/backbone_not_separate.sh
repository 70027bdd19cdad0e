sh ./_conflicts.sh backbone_not_separate.charter

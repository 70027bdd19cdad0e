sh ./_conflicts.sh backbone_not_separate_ok.charter

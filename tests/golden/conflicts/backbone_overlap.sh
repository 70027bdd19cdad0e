sh ./_conflicts.sh backbone_overlap.charter

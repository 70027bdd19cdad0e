sh ./_conflicts.sh backbone_overlap_ok.charter

"""考核结果通报: the red-header document of a cycle's results, as docx and as PDF."""

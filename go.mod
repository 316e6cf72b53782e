module github.com/swanilai/swanilai

go 1.26.0

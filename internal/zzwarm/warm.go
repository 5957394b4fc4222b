package zzwarm
import (
 _ "modernc.org/sqlite"
 _ "github.com/jackc/pgx/v5/stdlib"
 _ "github.com/jackc/pgx/v5/pgxpool"
 _ "github.com/xuri/excelize/v2"
 _ "github.com/chromedp/chromedp"
 _ "github.com/go-pdf/fpdf"
 _ "github.com/skip2/go-qrcode"
 _ "golang.org/x/crypto/bcrypt"
 _ "golang.org/x/text/encoding/charmap"
 _ "go.yaml.in/yaml/v3"
)

